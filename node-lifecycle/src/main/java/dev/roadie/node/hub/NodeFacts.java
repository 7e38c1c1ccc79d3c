package dev.roadie.node.hub;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What the hub is told about a node, and how to reach the hub: the same for a node agent beside
 * a Lavalink and for the audio node announcing itself.
 *
 * @param name       the node's name in the registry ({@code audio-node/NAME})
 * @param endpoint   where the bots reach the node
 * @param password   the node's Lavalink password, announced as the secret {@code password}
 * @param labels     labels announced with the node ({@code region} among them when set)
 * @param hubs       the hub's socket URIs, tried in order
 * @param hubToken   the token; needs scope {@code announce:audio-node}
 * @param clientName the SDK client's name on the hub (shown in its logs and audit)
 */
public record NodeFacts(String name, PublicEndpoint endpoint, String password, Map<String, String> labels,
        List<URI> hubs, String hubToken, String clientName) {
    public NodeFacts {
        labels = Map.copyOf(labels);
        hubs = List.copyOf(hubs);
    }

    /** Hides the password and the token: facts end up in logs. */
    @Override
    public String toString() {
        return "NodeFacts[" + name + " at " + endpoint.uri() + ", hubs=" + hubs + ", labels=" + labels + "]";
    }
}
