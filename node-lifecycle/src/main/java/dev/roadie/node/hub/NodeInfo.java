package dev.roadie.node.hub;

import java.util.List;

/**
 * What {@code GET /v4/info} says, reduced to what the agent announces.
 *
 * @param version        Lavalink's semantic version ({@code 4.0.8})
 * @param sourceManagers the enabled sources ({@code youtube}, {@code soundcloud})
 * @param filters        the enabled filters
 * @param plugins        the loaded plugins
 */
public record NodeInfo(String version, List<String> sourceManagers, List<String> filters, List<Plugin> plugins) {
    public NodeInfo {
        sourceManagers = List.copyOf(sourceManagers);
        filters = List.copyOf(filters);
        plugins = List.copyOf(plugins);
    }

    /** A plugin and its version. */
    public record Plugin(String name, String version) {
    }
}
