package dev.roadie.lavalink;

import dev.arbjerg.lavalink.client.LavalinkClient;
import dev.arbjerg.lavalink.client.NodeOptions;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.NodeListener;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceState;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link LavalinkClient}'s nodes in step with the hub's registry: an audio node that is
 * {@code up} is added (named as in the registry, at its announced endpoint, with its announced
 * password); one that is {@code draining}, {@code retired}, {@code down} or removed is taken out,
 * so that no new player lands on it. One line in a bot:
 * <pre>{@code
 * NodeDiscovery discovery = NodeDiscovery.attach(roadie.nodeDirectory(), lavalink);
 * }</pre>
 * The bot's Roadie token needs the scopes {@code registry} and {@code secrets:audio-node}: without
 * the second the hub leaves the password out and the node cannot be added (logged once per node).
 * Only nodes this object added are ever removed; nodes the bot added itself are left alone.
 * Changes are applied on the Roadie client's event thread.
 */
public final class NodeDiscovery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeDiscovery.class);
    /** The secret a node agent announces Lavalink's password under. */
    public static final String PASSWORD = "password";

    private final LavalinkClient lavalink;
    private final Map<String, ServiceDescriptor> added = new HashMap<>();
    private final Map<String, Boolean> warnedNoPassword = new HashMap<>();
    private final AutoCloseable listening;

    private NodeDiscovery(NodeDirectory directory, LavalinkClient lavalink) {
        this.lavalink = lavalink;
        this.listening = directory.addListener(new NodeListener() {
            @Override
            public void added(ServiceEntry node) {
                apply(node);
            }

            @Override
            public void changed(ServiceEntry before, ServiceEntry after) {
                apply(after);
            }

            @Override
            public void removed(ServiceEntry node) {
                take(node.service().name(), "removed from the registry");
            }
        });
        // Entries that arrived before the listener: the listener and this loop may both see one; apply is idempotent.
        directory.nodes().forEach(this::apply);
    }

    /** Starts keeping {@code lavalink}'s nodes in step with {@code directory}; close it to stop. */
    public static NodeDiscovery attach(NodeDirectory directory, LavalinkClient lavalink) {
        return new NodeDiscovery(Objects.requireNonNull(directory, "directory"), Objects.requireNonNull(lavalink, "lavalink"));
    }

    private synchronized void apply(ServiceEntry entry) {
        ServiceDescriptor service = entry.service();
        String name = service.name();
        if (entry.state() != ServiceState.UP) {
            take(name, "now " + entry.state().wire());
            return;
        }
        ServiceDescriptor known = added.get(name);
        if (known != null && Objects.equals(known.endpoint(), service.endpoint())
                && Objects.equals(known.secrets(), service.secrets())) {
            // Same node; only its labels or stats changed.
            return;
        }
        String password = service.secrets().get(PASSWORD);
        if (password == null || service.endpoint() == null) {
            if (warnedNoPassword.put(name, Boolean.TRUE) == null) {
                log.warn("audio node {} has no {}: give the bot's Roadie token the scope secrets:audio-node "
                        + "(and check that its agent announces an endpoint)", name,
                        password == null ? "password" : "endpoint");
            }
            return;
        }
        if (known != null) {
            take(name, "its endpoint or password changed");
        }
        lavalink.addNode(new NodeOptions.Builder().setName(name).setServerUri(URI.create(service.endpoint()))
                .setPassword(password).build());
        added.put(name, service);
        log.info("added Lavalink node {} at {}", name, service.endpoint());
    }

    private synchronized void take(String name, String why) {
        if (added.remove(name) != null) {
            lavalink.removeNode(name);
            log.info("removed Lavalink node {}: {}", name, why);
        }
    }

    /** Stops following the registry. The nodes it added stay in the client. */
    @Override
    public void close() throws Exception {
        listening.close();
    }
}
