package dev.roadie.bench.peers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the Node {@code ws} relay, written as its users write one: Java-WebSocket, JSON
 * objects, requests matched to replies by an id, gathers counted by hand (the relay has none).
 */
final class WsRelayPeer extends PeerBase {
    private static final Logger log = LoggerFactory.getLogger(WsRelayPeer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final Socket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<String>> requests = new ConcurrentHashMap<>();
    private final Map<Long, Gathering> gathers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> joins = new ConcurrentHashMap<>();

    private record Gathering(CompletableFuture<Integer> done, int expected, AtomicInteger answers) { }

    WsRelayPeer(URI relay, String name) throws InterruptedException {
        this.name = name;
        this.socket = new Socket(URI.create(relay + "?name=" + name));
        if (!socket.connectBlocking(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not connect " + name + " to the ws relay at " + relay);
        }
    }

    private final class Socket extends WebSocketClient {
        Socket(URI uri) {
            super(uri);
            setConnectionLostTimeout(30);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // Nothing to say first: the relay knows the name from the URL.
        }

        @Override
        public void onMessage(String text) {
            received(JSON.readTree(text));
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            log.debug("{}: relay link closed ({} {})", name, code, reason);
        }

        @Override
        public void onError(Exception e) {
            log.warn("{}: relay link failed: {}", name, e.toString());
        }
    }

    private void received(JsonNode msg) {
        String op = msg.path("op").asString();
        switch (op) {
            case "msg" -> onMessage.accept(msg.path("data").asString());
            case "req" -> write(Map.of("type", "send", "to", msg.path("from").asString(), "op", "res",
                    "id", msg.path("id").asLong(), "data", onRequest.apply(msg.path("data").asString())));
            case "res" -> {
                long id = msg.path("id").asLong();
                CompletableFuture<String> request = requests.remove(id);
                if (request != null) {
                    request.complete(msg.path("data").asString());
                    return;
                }
                Gathering gathering = gathers.get(id);
                if (gathering != null && gathering.answers().incrementAndGet() == gathering.expected()) {
                    gathers.remove(id);
                    gathering.done().complete(gathering.expected());
                }
            }
            default -> {
                if ("joined".equals(msg.path("type").asString())) {
                    CompletableFuture<Void> join = joins.remove(msg.path("group").asString());
                    if (join != null) {
                        join.complete(null);
                    }
                }
            }
        }
    }

    private void write(Map<String, Object> frame) {
        try {
            socket.send(JSON.writeValueAsString(frame));
        } catch (RuntimeException e) {
            failures.increment();
        }
    }

    @Override
    public void join(String group) throws Exception {
        CompletableFuture<Void> joined = new CompletableFuture<>();
        joins.put(group, joined);
        write(Map.of("type", "join", "group", group));
        joined.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void send(String to, String payload) {
        write(Map.of("type", "send", "to", to, "op", "msg", "data", payload));
    }

    @Override
    public void publish(String group, String payload) {
        write(Map.of("type", "publish", "group", group, "op", "msg", "data", payload));
    }

    @Override
    public CompletableFuture<String> request(String to, String payload, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<String> answer = new CompletableFuture<>();
        requests.put(id, answer);
        write(Map.of("type", "send", "to", to, "op", "req", "id", id, "data", payload));
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((a, e) -> requests.remove(id));
    }

    @Override
    public CompletableFuture<Integer> gather(String group, int expected, String payload, Duration timeout) {
        long id = ids.incrementAndGet();
        Gathering gathering = new Gathering(new CompletableFuture<>(), expected, new AtomicInteger());
        gathers.put(id, gathering);
        write(Map.of("type", "publish", "group", group, "op", "req", "id", id, "data", payload));
        return gathering.done().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((a, e) -> gathers.remove(id));
    }

    @Override
    public void close() {
        try {
            socket.closeBlocking();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
