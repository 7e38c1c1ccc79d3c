package dev.roadie.hub.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A local server speaking DigitalOcean's DNS API (v2) for one account's domains: TXT records
 * created through it go into {@link Pebble}'s test DNS, where the CA looks them up, and leave it
 * when deleted. {@link #rejectTokens} makes it answer 401 as DigitalOcean does for a bad token.
 */
public final class FakeDigitalOcean implements AutoCloseable {
    /** The token it accepts. */
    public static final String TOKEN = "dop_v1_test";

    private record Txt(String zone, String fqdn, String value) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("fake-digitalocean").daemon().factory());
    private final Pebble pebble;
    private final List<String> zones;
    private final Map<Long, Txt> records = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(28448433);
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger deleted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean rejectTokens = new AtomicBoolean();

    public FakeDigitalOcean(Pebble pebble, List<String> zones) {
        this.pebble = pebble;
        this.zones = zones;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/v2/domains", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, answer every call 401 unauthorized (or accept the token again). */
    public void rejectTokens(boolean reject) {
        rejectTokens.set(reject);
    }

    public int created() {
        return created.get();
    }

    public int deleted() {
        return deleted.get();
    }

    /** Calls answered 401. */
    public int refused() {
        return refused.get();
    }

    /** TXT records that exist now. */
    public int live() {
        return records.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (rejectTokens.get() || !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                send(exchange, 401, "{\"id\":\"unauthorized\",\"message\":\"Unable to authenticate you.\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/v2/domains")) {
                StringBuilder list = new StringBuilder("{\"domains\":[");
                for (int i = 0; i < zones.size(); i++) {
                    list.append(i == 0 ? "" : ",").append("{\"name\":\"").append(zones.get(i))
                            .append("\",\"ttl\":1800,\"zone_file\":\"\"}");
                }
                send(exchange, 200, list.append("],\"links\":{},\"meta\":{\"total\":").append(zones.size())
                        .append("}}").toString());
            } else if (method.equals("POST") && parts.length == 5 && parts[4].equals("records")) {
                String zone = parts[3];
                JsonNode body = FrameCodec.DEFAULT.mapper().readTree(exchange.getRequestBody());
                String name = body.path("name").asString();
                String value = body.path("data").asString();
                String fqdn = (name.equals("@") ? zone : name + "." + zone) + ".";
                long id = ids.incrementAndGet();
                records.put(id, new Txt(zone, fqdn, value));
                pebble.txt(fqdn, value);
                created.incrementAndGet();
                send(exchange, 201, "{\"domain_record\":{\"id\":" + id + ",\"type\":\"TXT\",\"name\":\"" + name
                        + "\",\"data\":\"" + value + "\",\"priority\":null,\"port\":null,\"ttl\":30,\"weight\":null,"
                        + "\"flags\":null,\"tag\":null}}");
            } else if (method.equals("DELETE") && parts.length == 6 && parts[4].equals("records")) {
                Txt gone = records.remove(Long.parseLong(parts[5]));
                if (gone == null) {
                    send(exchange, 404, "{\"id\":\"not_found\",\"message\":\"The resource you were accessing could"
                            + " not be found.\"}");
                    return;
                }
                // The test DNS clears by name: put back the other values of the same name.
                pebble.clearTxt(gone.fqdn());
                records.values().stream().filter(r -> r.fqdn().equals(gone.fqdn()))
                        .forEach(r -> pebble.txt(r.fqdn(), r.value()));
                deleted.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            } else {
                send(exchange, 404, "{\"id\":\"not_found\",\"message\":\"no such endpoint\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
