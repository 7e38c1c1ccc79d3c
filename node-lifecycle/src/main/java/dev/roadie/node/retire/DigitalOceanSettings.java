package dev.roadie.node.retire;

import java.net.URI;
import java.util.List;

/**
 * The built-in DigitalOcean retire action.
 *
 * @param apiBase     the API's base URL (a local server in tests)
 * @param token       the API token, sent as a Bearer token
 * @param dropletId   this node's droplet, deleted last
 * @param replacement the droplet to create first, or null
 */
public record DigitalOceanSettings(URI apiBase, String token, String dropletId, Replacement replacement) {

    /** A droplet created from a snapshot to take the retired node's place. */
    public record Replacement(String snapshot, String name, String region, String size, List<String> tags) {
        public Replacement {
            tags = List.copyOf(tags);
        }
    }

    @Override
    public String toString() {
        return "DigitalOceanSettings[" + apiBase + ", droplet " + dropletId + ", replacement=" + replacement + "]";
    }
}
