package dev.roadie.audio.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bot's session on one Lavalink v4 node, as a bot's Lavalink library holds it: the socket
 * (for the session id and events) and the REST calls on players. Only what the tests need.
 */
public final class LavalinkSession implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String password;
    private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private final String sessionId;

    private LavalinkSession(URI base, String password) throws InterruptedException, ExecutionException,
            TimeoutException {
        this.base = base;
        this.password = password;
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/v4/websocket");
        this.socket = http.newWebSocketBuilder().header("Authorization", password).header("User-Id", "42")
                .header("Client-Name", "roadie-test-bot/1").buildAsync(ws, new JsonMessages(messages)).get(10, TimeUnit.SECONDS);
        this.sessionId = next("ready").get("sessionId").asString();
    }

    /** Opens a session on the node at {@code base} ({@code http://host:port}) and waits for its ready op. */
    public static LavalinkSession open(URI base, String password) throws Exception {
        return new LavalinkSession(base, password);
    }

    public String sessionId() {
        return sessionId;
    }

    /** The player of {@code guild} as the node has it now. */
    public JsonNode player(String guild) throws IOException, InterruptedException {
        return call("GET", players(guild), null);
    }

    /** {@code PATCH} the player of {@code guild} with {@code body}; returns the player. */
    public JsonNode update(String guild, String body) throws IOException, InterruptedException {
        return call("PATCH", players(guild), body);
    }

    /** Destroys the player of {@code guild}. */
    public void destroy(String guild) throws IOException, InterruptedException {
        call("DELETE", players(guild), null);
    }

    private String players(String guild) {
        return "/v4/sessions/" + sessionId + "/players/" + guild;
    }

    private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", password)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** The next message of {@code kind} (an op, or an event's type), skipping others; fails after 10 s. */
    public JsonNode next(String kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message != null && (kind.equals(message.path("op").asString())
                    || kind.equals(message.path("type").asString()))) {
                return message;
            }
        }
        throw new AssertionError("No " + kind + " message within 10 s");
    }

    @Override
    public void close() {
        socket.abort();
        http.close();
    }
}
