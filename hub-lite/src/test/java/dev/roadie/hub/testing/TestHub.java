package dev.roadie.hub.testing;

import dev.roadie.hub.Hub;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.config.HubConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real hub on a free port with its own data folder, started through the same configuration
 * path as {@code roadie serve}, with heartbeats fast enough for tests.
 */
public final class TestHub implements AutoCloseable {
    private final Hub hub;
    private final Path data;
    private final List<WireClient> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

    private TestHub(Hub hub, Path data) {
        this.hub = hub;
        this.data = data;
    }

    /** Starts a hub in {@code data} with these settings over the test defaults. */
    public static TestHub start(Path data, Map<String, String> settings) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("host", "127.0.0.1");
        overrides.put("port", "0");
        overrides.put("data", data.toString());
        overrides.put("heartbeat.interval", "200ms");
        overrides.put("heartbeat.tolerance", "5");
        // A client whose socket ends, cleanly or not, is gone soon: tests of resumption set their own window.
        overrides.put("sessions.resumeWindow", "300ms");
        overrides.putAll(settings);
        HubConfig config = ConfigLoader.load(null, data, Map.of(), overrides);
        return new TestHub(Hub.start(config), data);
    }

    public static TestHub start(Path data) {
        return start(data, Map.of());
    }

    public int port() {
        return hub.port();
    }

    public Hub hub() {
        return hub;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The admin token the hub wrote on its first start. */
    public String adminToken() {
        try {
            return Files.readString(data.resolve("admin.token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new token with exactly these scopes. */
    public String token(String name, String kind, String... scopes) {
        return hub.context().tokens().create(name, kind, List.of(scopes)).token();
    }

    /** Connects and says hello with a new token with exactly these scopes; closed with the hub. */
    public WireClient client(String name, String kind, String... scopes) {
        return track(WireClient.authenticated(port(), token(name, kind, scopes)));
    }

    /** Closes {@code client} when this hub closes, before the hub; returns it. */
    public WireClient track(WireClient client) {
        if (!clients.contains(client)) {
            clients.add(client);
        }
        return client;
    }

    /** How many connections the hub itself saw close with {@code code}, by its metrics. */
    public long closesWith(int code) {
        return metricSum("roadie_connections_closed_total\\{code=\"" + code + "\"\\}");
    }

    /** Connections the hub opened and has not yet seen close, by its metrics. */
    public long openConnections() {
        return metricSum("roadie_connections_opened_total")
                - metricSum("roadie_connections_closed_total(\\{[^}]*\\})?");
    }

    private long metricSum(String seriesPattern) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            hub.context().metrics().writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher matcher = Pattern.compile("(?m)^" + seriesPattern + " ([0-9.eE+]+)$")
                .matcher(out.toString(StandardCharsets.UTF_8));
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(matcher.groupCount()));
        }
        return Math.round(total);
    }

    /** Closes the clients it opened or tracks and forgets them; the hub keeps running. */
    public void closeClients() {
        List<WireClient> open = List.copyOf(clients);
        clients.removeAll(open);
        open.forEach(WireClient::close);
    }

    /** Closes the clients it opened or tracks, then the hub, even when closing a client failed. */
    @Override
    public void close() {
        try {
            closeClients();
        } finally {
            hub.close();
        }
    }
}
