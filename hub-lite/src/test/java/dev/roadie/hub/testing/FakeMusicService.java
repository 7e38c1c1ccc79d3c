package dev.roadie.hub.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A music service on 127.0.0.1 for hub tests: answers paths with canned bodies from
 * {@code src/test/resources/search/} and records the requests' query strings and headers.
 */
public final class FakeMusicService implements AutoCloseable {

    /** A canned answer. */
    public record Answer(int status, String contentType, String body) {
    }

    /** A request as the service saw it. */
    public record Seen(String path, String query, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fake-music-", 0).factory());
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch> holds = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public FakeMusicService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public FakeMusicService json(String path, String fixture) {
        answers.put(path, new Answer(200, "application/json; charset=utf-8", fixture(fixture)));
        return this;
    }

    public FakeMusicService answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** Answers {@code path} only once {@code release} is counted down (or after a minute), as a slow service. */
    public FakeMusicService hold(String path, java.util.concurrent.CountDownLatch release) {
        holds.put(path, release);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private static String fixture(String name) {
        try (InputStream in = FakeMusicService.class.getResourceAsStream("/search/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            seen.add(new Seen(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                    Map.copyOf(exchange.getRequestHeaders())));
            java.util.concurrent.CountDownLatch hold = holds.get(exchange.getRequestURI().getPath());
            if (hold != null) {
                try {
                    hold.await(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Answer answer = answers.get(exchange.getRequestURI().getPath());
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
