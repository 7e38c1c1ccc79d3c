package dev.roadie.nekto.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord's main gateway and the two REST calls nektobot makes, as far as nektobot uses them:
 * HELLO, READY, a guild whose voice states put one user in a voice channel, slash commands as
 * INTERACTION_CREATE, and for the bot's op 4 the VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE
 * pointing at a fake voice server. The REST side records what the bot answered and said.
 */
public final class FakeMainGateway implements AutoCloseable {

    public static final long GUILD = 41L;
    public static final long BOT = 104L;
    public static final long CALLER = 380_000_000_000_000_001L;
    public static final long VOICE_CHANNEL = 127L;
    public static final long TEXT_CHANNEL = 128L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;
    private final HttpServer rest;
    private final Supplier<String> voiceEndpoint;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger interactions = new AtomicInteger();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private final List<JsonNode> voiceStateRequests = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile WebSocket bot;
    private volatile boolean identified;

    /** @param voiceEndpoint what VOICE_SERVER_UPDATE gives as the endpoint (the fake voice server's) */
    public FakeMainGateway(Supplier<String> voiceEndpoint) throws IOException {
        this.voiceEndpoint = voiceEndpoint;
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setReuseAddr(true);
        server.start();
        rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rest.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (path.endsWith("/callback")) {
                answers.add(body.path("data").path("content").asString());
                exchange.sendResponseHeaders(204, -1);
            } else if (path.equals("/api/v10/channels/" + TEXT_CHANNEL + "/messages")
                    && ("Bot token").equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                said.add(body.path("content").asString());
                byte[] answer = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        rest.start();
    }

    public URI gatewayUrl() {
        awaitStarted();
        return URI.create("ws://127.0.0.1:" + server.getPort());
    }

    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/");
    }

    /** The caller types {@code /name} in the text channel. */
    public void command(String name) {
        ObjectNode d = JSON.createObjectNode().put("type", 2).put("id", "9" + interactions.incrementAndGet())
                .put("token", "interaction-token").put("guild_id", Long.toString(GUILD))
                .put("channel_id", Long.toString(TEXT_CHANNEL));
        d.putObject("data").put("name", name);
        d.putObject("member").putObject("user").put("id", Long.toString(CALLER));
        dispatch("INTERACTION_CREATE", d);
    }

    /** The bot identified and was sent READY and its guild. */
    public boolean identified() {
        return identified;
    }

    /** The bot's messages in the text channel, in order. */
    public List<String> said() {
        return List.copyOf(said);
    }

    /** The bot's answers to commands, in order. */
    public List<String> answers() {
        return List.copyOf(answers);
    }

    /** What the bot asked with op 4 (join or leave voice). */
    public List<JsonNode> voiceStateRequests() {
        return List.copyOf(voiceStateRequests);
    }

    private void dispatch(String type, JsonNode d) {
        ObjectNode message = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        message.set("d", d);
        bot.send(JSON.writeValueAsString(message));
    }

    private void onMessage(JsonNode message) {
        JsonNode d = message.path("d");
        switch (message.path("op").asInt()) {
            case 2 -> {
                ObjectNode ready = JSON.createObjectNode();
                ready.putObject("user").put("id", Long.toString(BOT)).put("username", "nektobot");
                dispatch("READY", ready);
                ObjectNode guild = JSON.createObjectNode().put("id", Long.toString(GUILD));
                guild.putArray("voice_states").addObject().put("user_id", Long.toString(CALLER))
                        .put("channel_id", Long.toString(VOICE_CHANNEL)).put("session_id", "caller-session");
                dispatch("GUILD_CREATE", guild);
                identified = true;
            }
            case 1 -> bot.send("{\"op\":11}");
            case 4 -> {
                voiceStateRequests.add(d);
                ObjectNode state = JSON.createObjectNode().put("guild_id", Long.toString(GUILD))
                        .put("user_id", Long.toString(BOT)).put("session_id", "bot-voice-session");
                state.set("channel_id", d.path("channel_id"));
                dispatch("VOICE_STATE_UPDATE", state);
                if (!d.path("channel_id").isNull()) {
                    dispatch("VOICE_SERVER_UPDATE", JSON.createObjectNode().put("guild_id", Long.toString(GUILD))
                            .put("token", "voice-token").put("endpoint", voiceEndpoint.get()));
                }
            }
            default -> { }
        }
    }

    private void awaitStarted() {
        // WebSocketServer binds on its own thread; the port is known once it has.
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fake main gateway did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(1000);
        rest.stop(0);
    }

    private final class Server extends WebSocketServer {
        Server(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            bot = connection;
            connection.send(JSON.writeValueAsString(Map.of("op", 10, "d", Map.of("heartbeat_interval", 5000))));
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            FakeMainGateway.this.onMessage(JSON.readTree(message));
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket connection, Exception error) {
            org.slf4j.LoggerFactory.getLogger(FakeMainGateway.class).error("the fake main gateway failed", error);
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
