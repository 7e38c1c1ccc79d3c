package dev.roadie.search.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a music service on 127.0.0.1: answers each path with a canned response, records
 * what it was asked, and can hang forever (until closed) to play a service that never answers.
 */
public final class FakeService implements AutoCloseable {

    /** A canned answer. */
    public record Answer(int status, Map<String, String> headers, byte[] body, boolean hang) {
        public static Answer json(String body) {
            return new Answer(200, Map.of("Content-Type", "application/json; charset=utf-8"),
                    body.getBytes(StandardCharsets.UTF_8), false);
        }

        public static Answer html(String body) {
            return new Answer(200, Map.of("Content-Type", "text/html; charset=UTF-8"),
                    body.getBytes(StandardCharsets.UTF_8), false);
        }

        public static Answer status(int status, Map<String, String> headers) {
            return new Answer(status, headers, new byte[0], false);
        }

        public static Answer never() {
            return new Answer(0, Map.of(), new byte[0], true);
        }
    }

    /** One request as the service saw it. */
    public record Seen(String method, URI uri, Headers headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fake-service-", 0).factory());
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers this path (without query) with this answer. */
    public FakeService on(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** Answers with a test resource from {@code /fixtures/}. */
    public FakeService onFixture(String path, String fixture) {
        return on(path, Answer.json(Fixtures.text(fixture)));
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI url(String pathAndQuery) {
        return URI.create(baseUrl() + pathAndQuery);
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders()));
            Answer answer = answers.get(exchange.getRequestURI().getPath());
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (answer.hang()) {
                closing.await();
                return;
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
