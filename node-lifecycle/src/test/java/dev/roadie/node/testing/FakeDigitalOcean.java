package dev.roadie.node.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * DigitalOcean's droplet API on 127.0.0.1: {@code POST /v2/droplets} answers 202 with the
 * created droplet, {@code DELETE /v2/droplets/{id}} answers 204; a wrong token gets 401 as the
 * real API answers it. Records every call.
 */
public final class FakeDigitalOcean implements AutoCloseable {
    /** One call as received. */
    public record Call(String method, String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String token;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private FakeDigitalOcean(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fake-digitalocean").factory());
        server.setExecutor(executor);
        server.createContext("/v2/droplets", this::answer);
        server.start();
    }

    public static FakeDigitalOcean start(String token) {
        try {
            return new FakeDigitalOcean(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), authorization, body));
            if (!("Bearer " + token).equals(authorization)) {
                send(exchange, 401, "{\"id\":\"Unauthorized\",\"message\":\"Unable to authenticate you\"}");
            } else if (exchange.getRequestMethod().equals("POST")) {
                send(exchange, 202, resource("/digitalocean/droplet-created.json"));
            } else if (exchange.getRequestMethod().equals("DELETE")) {
                send(exchange, 204, "");
            } else {
                send(exchange, 405, "{\"id\":\"method_not_allowed\",\"message\":\"\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static String resource(String name) throws IOException {
        try (java.io.InputStream in = FakeDigitalOcean.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
