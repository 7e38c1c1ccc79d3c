package dev.roadie.node.retire;

import dev.roadie.node.hub.NodeFacts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts about a retired node that the retire actions get: as {@code ROADIE_NODE_*}
 * environment variables for the command. The password is not among them: a command that
 * needs it can be given it by its own configuration, and environments leak into logs.
 *
 * @param name     the node's name
 * @param host     its public host
 * @param port     its public port
 * @param tls      whether it is reached with TLS
 * @param endpoint its announced endpoint
 * @param region   its region, or empty
 * @param reason   why it was retired
 * @param dropletId its droplet when the DigitalOcean action is set up, or empty
 */
public record RetiredNode(String name, String host, int port, boolean tls, String endpoint, String region,
        String reason, String dropletId) {

    public static RetiredNode of(NodeFacts facts, RetireSettings retire, String reason) {
        return new RetiredNode(facts.name(), facts.endpoint().host(), facts.endpoint().port(),
                facts.endpoint().tls(), facts.endpoint().uri().toString(), facts.labels().getOrDefault("region", ""),
                reason, retire.digitalOcean() == null ? "" : retire.digitalOcean().dropletId());
    }

    /** The environment variables the retire command gets. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ROADIE_NODE_NAME", name);
        env.put("ROADIE_NODE_HOST", host);
        env.put("ROADIE_NODE_PORT", Integer.toString(port));
        env.put("ROADIE_NODE_TLS", Boolean.toString(tls));
        env.put("ROADIE_NODE_ENDPOINT", endpoint);
        env.put("ROADIE_NODE_REGION", region);
        env.put("ROADIE_NODE_REASON", reason);
        env.put("ROADIE_DROPLET_ID", dropletId);
        return env;
    }
}
