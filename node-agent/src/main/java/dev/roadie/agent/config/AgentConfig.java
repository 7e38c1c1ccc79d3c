package dev.roadie.agent.config;

import dev.roadie.node.health.HealthThresholds;
import dev.roadie.node.hub.NodeFacts;
import dev.roadie.node.hub.PublicEndpoint;
import dev.roadie.node.retire.DigitalOceanSettings;
import dev.roadie.node.retire.RetireSettings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the agent is told, checked: built only by {@link ConfigLoader}.
 *
 * @param node         the Lavalink node the agent sits beside
 * @param endpoint     where the bots reach that node
 * @param labels       labels announced with the node (region included)
 * @param hubs         the hub's socket URIs
 * @param hubToken     the agent's token
 * @param pollInterval how often stats and the route planner are read
 * @param health       the health thresholds
 * @param retire       what retiring does
 */
public record AgentConfig(NodeSettings node, PublicEndpoint endpoint, Map<String, String> labels, List<URI> hubs,
        String hubToken, Duration pollInterval, HealthThresholds health, RetireSettings retire) {

    /** The node as announced: the agent's client is {@code agent-NAME} on the hub. */
    public NodeFacts facts() {
        return new NodeFacts(node.name(), endpoint, node.password(), labels, hubs, hubToken, "agent-" + node.name());
    }

    /** Hides the tokens and the password: configs end up in logs. */
    @Override
    public String toString() {
        return "AgentConfig[node=" + node.name() + " at " + node.url() + ", endpoint=" + endpoint.uri() + ", hubs=" + hubs
                + ", labels=" + labels + ", poll=" + pollInterval + "]";
    }

    static AgentConfig bind(RawSettings raw) {
        NodeSettings node = new NodeSettings(raw.required("node.name"),
                raw.uri("node.url", raw.required("node.url"), "http", "https"), raw.required("node.password"),
                raw.duration("node.timeout"), raw.duration("node.downAfter"), raw.flag("node.websocket"),
                raw.required("node.userId"));
        if (!node.userId().matches("\\d{1,20}")) {
            throw raw.problem("node.userId", "is a Discord user id (digits), got '" + node.userId() + "'");
        }
        if (!node.name().matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw raw.problem("node.name", "is lower-case letters, digits, '.', '_' or '-' (at most 64), got '"
                    + node.name() + "'");
        }
        PublicEndpoint endpoint = new PublicEndpoint(raw.required("public.host"),
                raw.integer("public.port", 1, 65535), raw.flag("public.tls"));
        Map<String, String> labels = new LinkedHashMap<>(raw.labels());
        // The registry takes 64 labels; the agent adds lavalink.version, health and health.reason.
        if (labels.size() > 60) {
            throw raw.problem("labels", "has at most 60 entries, got " + labels.size());
        }
        String region = raw.optional("region");
        if (region != null) {
            labels.put("region", region);
        }
        List<String> uriTexts = raw.list("hub.uris");
        if (uriTexts.isEmpty()) {
            throw raw.problem("hub.uris", "is required: the hub's socket URI, like wss://hub.example.org/ws");
        }
        List<URI> hubs = uriTexts.stream().map(text -> raw.uri("hub.uris", text, "ws", "wss")).toList();
        return new AgentConfig(node, endpoint, Map.copyOf(labels), hubs, raw.required("hub.token"),
                raw.duration("poll.interval"), health(raw), retire(raw, node.name()));
    }

    private static HealthThresholds health(RawSettings raw) {
        HealthThresholds thresholds = new HealthThresholds(raw.integer("health.readings", 1, 1000),
                raw.share("health.load.warning"), raw.share("health.load.critical"),
                raw.share("health.frames.warning"), raw.share("health.frames.critical"),
                raw.share("health.addresses.warning"), raw.share("health.addresses.critical"),
                raw.duration("health.failures.window"), raw.integer("health.failures.warning", 1, Integer.MAX_VALUE),
                raw.integer("health.failures.critical", 1, Integer.MAX_VALUE),
                raw.duration("health.blockJumps.window"), raw.integer("health.blockJumps.warning", 1, Integer.MAX_VALUE),
                raw.integer("health.blockJumps.critical", 1, Integer.MAX_VALUE));
        String contradiction = thresholds.contradiction();
        if (contradiction != null) {
            throw new ConfigException("Health thresholds: " + contradiction);
        }
        return thresholds;
    }

    private static RetireSettings retire(RawSettings raw, String nodeName) {
        DigitalOceanSettings digitalOcean = null;
        if (raw.flag("retire.digitalocean.enabled")) {
            String dropletId = raw.required("retire.digitalocean.dropletId");
            if (!dropletId.matches("\\d+")) {
                throw raw.problem("retire.digitalocean.dropletId", "is a number, got '" + dropletId + "'");
            }
            String snapshot = raw.optional("retire.digitalocean.replace.snapshot");
            DigitalOceanSettings.Replacement replacement = null;
            if (snapshot != null) {
                String name = raw.optional("retire.digitalocean.replace.name");
                replacement = new DigitalOceanSettings.Replacement(snapshot, name == null ? nodeName : name,
                        raw.required("retire.digitalocean.replace.region"),
                        raw.required("retire.digitalocean.replace.size"), raw.list("retire.digitalocean.replace.tags"));
            }
            digitalOcean = new DigitalOceanSettings(
                    raw.uri("retire.digitalocean.apiBase", raw.required("retire.digitalocean.apiBase"), "http", "https"),
                    raw.required("retire.digitalocean.token"), dropletId, replacement);
        }
        return new RetireSettings(raw.flag("retire.enabled"), raw.duration("retire.drainDeadline"),
                raw.list("retire.command"), raw.duration("retire.commandTimeout"), digitalOcean);
    }
}
