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
 *
 * <p>It can also break the connection the ways Discord does ({@link #drop}, {@link #askToReconnect},
 * {@link #invalidateSession}, {@link #closeWith}, {@link #withholdAcks}, {@link #closeNextConnections}).
 * Like Discord, it keeps the session's dispatches: while the bot is away they are only kept, and a
 * resume (op 6) replays those after the sequence the bot gives, then RESUMED.
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
    /** The session's dispatches as sent (or kept while the bot was away), in sequence order. */
    private final List<ObjectNode> sessionLog = new CopyOnWriteArrayList<>();
    private final List<Long> connectionNanos = new CopyOnWriteArrayList<>();
    private final List<String> connectionPaths = new CopyOnWriteArrayList<>();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger closingNext = new AtomicInteger();
    private volatile int closingNextCode;
    private volatile long resumedFrom = -1;
    private volatile int replayed;
    private volatile String sessionId;
    private volatile long heartbeatMillis = 5000;
    private volatile boolean withholdingAcks;
    /** The connection that identified or resumed last; null while the bot is away. */
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

    /** HELLO on later connections gives this heartbeat interval (5 s until changed). */
    public void heartbeatEvery(long millis) {
        heartbeatMillis = millis;
    }

    /** The socket drops without a close frame; dispatches from now on are kept for a resume. */
    public void drop() {
        WebSocket connection = bot;
        bot = null;
        connection.closeConnection(1006, "dropped");
    }

    /** Op 7 Reconnect; dispatches from now on are kept for a resume. */
    public void askToReconnect() {
        WebSocket connection = bot;
        bot = null;
        connection.send("{\"op\":7,\"d\":null}");
    }

    /** Op 9 Invalid Session; when not resumable the session is forgotten and a resume would be refused. */
    public void invalidateSession(boolean resumable) {
        WebSocket connection = bot;
        bot = null;
        if (!resumable) {
            sessionId = null;
        }
        connection.send("{\"op\":9,\"d\":" + resumable + "}");
    }

    /** Closes the connection with {@code code}, as Discord does on an error. */
    public void closeWith(int code) {
        WebSocket connection = bot;
        bot = null;
        connection.close(code, "closed by the fake with " + code);
    }

    /** Heartbeats go unacknowledged until the bot resumes (or identifies) on a new connection. */
    public void withholdAcks() {
        withholdingAcks = true;
    }

    /** The next {@code count} connections are closed with {@code code} as soon as they open. */
    public void closeNextConnections(int count, int code) {
        closingNextCode = code;
        closingNext.set(count);
    }

    /** How many times the bot identified (opened a session). */
    public int identifies() {
        return identifies.get();
    }

    /** How many times the bot resumed its session. */
    public int resumes() {
        return resumes.get();
    }

    /** The sequence the last resume gave, and how many dispatches were replayed after it. */
    public long resumedFrom() {
        return resumedFrom;
    }

    public int replayed() {
        return replayed;
    }

    /** The last sequence number given to a dispatch. */
    public long lastSequence() {
        return sequence.get();
    }

    /** When each connection opened (System.nanoTime), in order. */
    public List<Long> connectionNanos() {
        return List.copyOf(connectionNanos);
    }

    /** The request path of each connection, in order (READY's resume_gateway_url has its own). */
    public List<String> connectionPaths() {
        return List.copyOf(connectionPaths);
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

    private synchronized void dispatch(String type, JsonNode d) {
        ObjectNode message = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        message.set("d", d);
        sessionLog.add(message);
        WebSocket connection = bot;
        if (connection != null) {
            connection.send(JSON.writeValueAsString(message));
        }
    }

    private synchronized void resume(WebSocket connection, JsonNode d) {
        if (sessionId == null || !sessionId.equals(d.path("session_id").asString())) {
            connection.send("{\"op\":9,\"d\":false}");
            return;
        }
        withholdingAcks = false;
        long from = d.path("seq").asLong();
        int count = 0;
        for (ObjectNode message : sessionLog) {
            if (message.path("s").asLong() > from) {
                connection.send(JSON.writeValueAsString(message));
                count++;
            }
        }
        resumedFrom = from;
        replayed = count;
        bot = connection;
        resumes.incrementAndGet();
        dispatch("RESUMED", JSON.createObjectNode());
    }

    private void onMessage(WebSocket connection, JsonNode message) {
        JsonNode d = message.path("d");
        switch (message.path("op").asInt()) {
            case 2 -> {
                synchronized (this) {
                    withholdingAcks = false;
                    sessionLog.clear();
                    sequence.set(0);
                    sessionId = "session-" + identifies.incrementAndGet();
                    bot = connection;
                }
                ObjectNode ready = JSON.createObjectNode().put("session_id", sessionId)
                        .put("resume_gateway_url", "ws://127.0.0.1:" + server.getPort() + "/resume");
                ready.putObject("user").put("id", Long.toString(BOT)).put("username", "nektobot");
                dispatch("READY", ready);
                ObjectNode guild = JSON.createObjectNode().put("id", Long.toString(GUILD));
                guild.putArray("voice_states").addObject().put("user_id", Long.toString(CALLER))
                        .put("channel_id", Long.toString(VOICE_CHANNEL)).put("session_id", "caller-session");
                dispatch("GUILD_CREATE", guild);
                identified = true;
            }
            case 6 -> resume(connection, d);
            case 1 -> {
                if (!withholdingAcks) {
                    connection.send("{\"op\":11}");
                }
            }
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
            // Like Discord, the connection gets dispatches once it has identified or resumed.
            connectionNanos.add(System.nanoTime());
            connectionPaths.add(handshake.getResourceDescriptor());
            if (closingNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                connection.close(closingNextCode, "closed at once by the fake");
                return;
            }
            connection.send(JSON.writeValueAsString(Map.of("op", 10, "d", Map.of("heartbeat_interval", heartbeatMillis))));
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            FakeMainGateway.this.onMessage(connection, JSON.readTree(message));
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
