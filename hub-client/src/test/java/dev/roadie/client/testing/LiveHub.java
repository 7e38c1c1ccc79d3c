package dev.roadie.client.testing;

import dev.roadie.hub.Hub;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.CloseCode;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real hub for SDK tests: on a free port (or a given one, to restart "the same" hub) with its
 * own data folder, started through the same configuration path as {@code roadie serve}.
 */
public final class LiveHub implements AutoCloseable {
    private final Hub hub;
    private final Path data;
    private final Map<String, String> settings;
    private final int port;

    private LiveHub(Hub hub, Path data, Map<String, String> settings) {
        this.hub = hub;
        this.port = hub.port();
        this.data = data;
        this.settings = settings;
    }

    /** A hub with heartbeats fast enough for tests, with {@code settings} over them. */
    public static LiveHub start(Path data, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>();
        all.put("host", "127.0.0.1");
        all.put("port", "0");
        all.put("data", data.toString());
        all.put("heartbeat.interval", "500ms");
        all.put("heartbeat.tolerance", "4");
        // Reconnect tests reach the hub by names under roadie.test through their own resolver.
        all.put("http.allowedHosts", "*.roadie.test");
        all.putAll(settings);
        return new LiveHub(Hub.start(ConfigLoader.load(null, data, Map.of(), all)), data, all);
    }

    public static LiveHub start(Path data) {
        return start(data, Map.of());
    }

    /** A new hub on this one's port and data folder, as after a restart; close this one first. */
    public LiveHub restart() {
        Map<String, String> again = new HashMap<>(settings);
        again.put("port", Integer.toString(port()));
        return new LiveHub(Hub.start(ConfigLoader.load(null, data, Map.of(), again)), data, again);
    }

    /** The port it listens on (still known after it stopped, to restart on it). */
    public int port() {
        return port;
    }

    public String epoch() {
        return hub.epoch();
    }

    public Hub hub() {
        return hub;
    }

    /** The socket URI, {@code ws://127.0.0.1:PORT/ws}. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws");
    }

    /** A new token with exactly these scopes. */
    public String token(String name, String kind, String... scopes) {
        return hub.context().tokens().create(name, kind, List.of(scopes)).token();
    }

    /** Cuts the link of the session serving {@code identity} from the hub's side, as a network cut seen by the hub would. */
    public void dropSession(ServiceId identity) {
        ClientSession session = hub.context().sessions().serving(identity)
                .orElseThrow(() -> new AssertionError(identity + " has no session on the hub"));
        session.closeLink(CloseCode.GOING_AWAY, "dropped by the test");
    }

    /** How many frames the hub sent {@code identity}'s session that it has not acknowledged yet. */
    public int unacked(ServiceId identity) {
        return hub.context().sessions().serving(identity).map(ClientSession::unackedCount).orElse(-1);
    }

    /** Whether a session of the hub is subscribed to {@code topic}. */
    public boolean hasSubscriber(String topic) {
        return !hub.context().sessions().subscribers(topic).isEmpty();
    }

    /** Whether a connected session serves {@code service} (its identity or an announcement). */
    public boolean serves(ServiceId service) {
        return hub.context().sessions().serving(service).isPresent();
    }

    @Override
    public void close() {
        hub.close();
    }
}
