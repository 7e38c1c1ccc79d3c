package dev.roadie.voice.fake;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discord's voice gateway v8 from the server side, on loopback: hello, ready, session
 * description, heartbeat ACKs, resume with re-delivery of what the client missed, the call's
 * users, and the ways a test breaks a connection (dropping the socket, closing with a code,
 * withholding ACKs). It records what the client sent. One client at a time: a new connection
 * replaces the last.
 */
public final class FakeVoiceGateway implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Server server;
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<byte[]> receivedBinary = new CopyOnWriteArrayList<>();
    private final List<String> handshakePaths = new CopyOnWriteArrayList<>();
    private final List<Consumer<JsonNode>> selectProtocolHooks = new CopyOnWriteArrayList<>();
    private final List<Runnable> sessionDescriptionHooks = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Integer, JsonNode>> clientJsonHooks = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Integer, byte[]>> clientBinaryHooks = new CopyOnWriteArrayList<>();

    private final byte[] secretKey = new byte[32];
    private volatile int heartbeatIntervalMillis = 13_750;
    private volatile boolean ackHeartbeats = true;
    private volatile long ackDelayMillis;
    private volatile int ssrc = 1111;
    private volatile String udpIp = "127.0.0.1";
    private volatile int udpPort = 1;
    private volatile List<String> modes = List.of("aead_aes256_gcm_rtpsize", "aead_xchacha20_poly1305_rtpsize");
    private volatile int daveProtocolVersion;

    // Guarded by this.
    private WebSocket client;
    private String sessionId;
    private int seq;
    private final List<Sent> sent = new ArrayList<>();
    private final Set<Long> users = new LinkedHashSet<>();

    /** A numbered message, kept for re-delivery on resume. */
    private record Sent(int seq, Object frame) {
    }

    public FakeVoiceGateway() {
        new SecureRandom().nextBytes(secretKey);
        server = new Server();
        server.setReuseAddr(true);
        server.start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fake voice gateway did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a VOICE_SERVER_UPDATE would carry as {@code endpoint}, here a {@code ws://} URL. */
    public String endpoint() {
        return "ws://127.0.0.1:" + server.getPort();
    }

    public FakeVoiceGateway heartbeatInterval(int millis) {
        this.heartbeatIntervalMillis = millis;
        return this;
    }

    /** Where ready tells the client to send UDP. */
    public FakeVoiceGateway udp(String ip, int port) {
        this.udpIp = ip;
        this.udpPort = port;
        return this;
    }

    public FakeVoiceGateway ssrc(int ssrc) {
        this.ssrc = ssrc;
        return this;
    }

    public int ssrc() {
        return ssrc;
    }

    public FakeVoiceGateway modes(List<String> modes) {
        this.modes = List.copyOf(modes);
        return this;
    }

    public FakeVoiceGateway daveProtocolVersion(int version) {
        this.daveProtocolVersion = version;
        return this;
    }

    /** The transport key sent in session description. */
    public byte[] secretKey() {
        return secretKey.clone();
    }

    /** Called with select protocol's {@code d} when the client sends it, before session description goes out. */
    public void onSelectProtocol(Consumer<JsonNode> hook) {
        selectProtocolHooks.add(hook);
    }

    /** Called once session description has gone out (where Discord starts DAVE with op 25). */
    public void afterSessionDescription(Runnable hook) {
        sessionDescriptionHooks.add(hook);
    }

    /**
     * Called with each JSON message the client sends (op and {@code d}), and with each binary one
     * (op and payload), outside this fake's lock: a hook may call back into it from any thread.
     */
    public void onClientMessages(BiConsumer<Integer, JsonNode> json, BiConsumer<Integer, byte[]> binary) {
        clientJsonHooks.add(json);
        clientBinaryHooks.add(binary);
    }

    public void ackHeartbeats(boolean ack) {
        this.ackHeartbeats = ack;
    }

    /** Holds each heartbeat ACK back this long, as a distant voice server would (keep it below the interval). */
    public FakeVoiceGateway ackDelay(java.time.Duration delay) {
        this.ackDelayMillis = delay.toMillis();
        return this;
    }

    /** Everything the client sent as JSON with this opcode, oldest first. */
    public List<JsonNode> received(int op) {
        return received.stream().filter(m -> m.path("op").asInt() == op).toList();
    }

    /** Binary frames the client sent, as they came: opcode byte, then payload. */
    public List<byte[]> receivedBinary() {
        return List.copyOf(receivedBinary);
    }

    /** The request path and query of each WebSocket the client opened. */
    public List<String> handshakes() {
        return List.copyOf(handshakePaths);
    }

    // ---- what the server says ---------------------------------------------------------------

    /** A numbered JSON message ({@code seq} added), kept for re-delivery on resume. */
    public synchronized void sendJson(int op, Object d) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("op", op);
        message.put("d", d);
        message.put("seq", ++seq);
        String text = JSON.writeValueAsString(message);
        sent.add(new Sent(seq, text));
        if (client != null && client.isOpen()) {
            client.send(text);
        }
    }

    /** A numbered binary message: {@code [seq u16 BE][op][payload]}. */
    public synchronized void sendBinary(int op, byte[] payload) {
        ++seq;
        ByteBuffer frame = ByteBuffer.allocate(3 + payload.length)
                .putShort((short) seq).put((byte) op).put(payload);
        byte[] bytes = frame.array();
        sent.add(new Sent(seq, bytes));
        if (client != null && client.isOpen()) {
            client.send(bytes);
        }
    }

    /** The last sequence number sent. */
    public synchronized int lastSeq() {
        return seq;
    }

    /** Speaking (op 5) for another user in the call, which maps their SSRC to them. */
    public void speaking(long userId, int userSsrc, int flags) {
        sendJson(5, Map.of("user_id", Long.toString(userId), "ssrc", userSsrc, "speaking", flags));
    }

    /** Clients connect (op 11). */
    public void usersJoin(long... userIds) {
        List<String> ids = new ArrayList<>();
        synchronized (this) {
            for (long id : userIds) {
                users.add(id);
                ids.add(Long.toString(id));
            }
        }
        sendJson(11, Map.of("user_ids", ids));
    }

    /** Client disconnect (op 13). */
    public void userLeaves(long userId) {
        synchronized (this) {
            users.remove(userId);
        }
        sendJson(13, Map.of("user_id", Long.toString(userId)));
    }

    /** Drops the TCP connection without a close frame, as a network failure would. */
    public synchronized void dropSocket() {
        if (client != null) {
            client.closeConnection(1006, "dropped by the fake");
        }
    }

    /** Closes the client's socket with a close code, as Discord's voice gateway does. */
    public synchronized void closeWith(int code, String reason) {
        if (client != null) {
            client.close(code, reason);
        }
    }

    /** Forgets the session, so that a resume is refused with 4006 as an expired one would be. */
    public synchronized void forgetSession() {
        sessionId = null;
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(2000);
    }

    // ---- what the client says ---------------------------------------------------------------

    private void onClientMessage(WebSocket conn, JsonNode message) {
        boolean current;
        synchronized (this) {
            current = conn == client;
        }
        if (!current) {
            return;
        }
        handle(conn, message);
        int op = message.path("op").asInt();
        if (op == 1) {
            sessionDescriptionHooks.forEach(Runnable::run);
        }
        clientJsonHooks.forEach(hook -> hook.accept(op, message.path("d")));
    }

    private synchronized void handle(WebSocket conn, JsonNode message) {
        received.add(message);
        JsonNode d = message.path("d");
        switch (message.path("op").asInt()) {
            case 0 -> {
                sessionId = d.path("session_id").asString();
                seq = 0;
                sent.clear();
                sendJson(2, Map.of("ssrc", ssrc, "ip", udpIp, "port", udpPort, "modes", modes,
                        // Discord still sends this erroneous field; clients must ignore it.
                        "heartbeat_interval", 1));
                if (!users.isEmpty()) {
                    sendJson(11, Map.of("user_ids", users.stream().map(String::valueOf).toList()));
                }
            }
            case 1 -> {
                selectProtocolHooks.forEach(hook -> hook.accept(d.path("data")));
                int[] key = new int[secretKey.length];
                for (int i = 0; i < key.length; i++) {
                    key[i] = secretKey[i] & 0xff;
                }
                sendJson(4, Map.of("mode", d.path("data").path("mode").asString(), "secret_key", key,
                        "dave_protocol_version", daveProtocolVersion));
            }
            case 3 -> {
                if (ackHeartbeats) {
                    String ack = JSON.writeValueAsString(Map.of("op", 6, "d", Map.of("t", d.path("t").asLong())));
                    long delay = ackDelayMillis;
                    if (delay == 0) {
                        conn.send(ack);
                    } else {
                        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
                            if (conn.isOpen()) {
                                conn.send(ack);
                            }
                        });
                    }
                }
            }
            case 7 -> resume(conn, d);
            default -> {
                // speaking, DAVE's JSON answers: recorded above
            }
        }
    }

    private void resume(WebSocket conn, JsonNode d) {
        if (sessionId == null || !sessionId.equals(d.path("session_id").asString())) {
            conn.close(4006, "Session is no longer valid.");
            return;
        }
        conn.send("{\"op\":9,\"d\":null}");
        int ack = d.path("seq_ack").asInt(-1);
        for (Sent message : sent) {
            if (message.seq() > ack) {
                if (message.frame() instanceof String text) {
                    conn.send(text);
                } else {
                    conn.send((byte[]) message.frame());
                }
            }
        }
    }

    private final class Server extends WebSocketServer {
        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            handshakePaths.add(handshake.getResourceDescriptor());
            synchronized (FakeVoiceGateway.this) {
                client = conn;
            }
            conn.send(JSON.writeValueAsString(Map.of("op", 8, "d", Map.of("heartbeat_interval", heartbeatIntervalMillis))));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            onClientMessage(conn, JSON.readTree(message));
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            receivedBinary.add(bytes);
            if (bytes.length > 0) {
                byte[] payload = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
                clientBinaryHooks.forEach(hook -> hook.accept(bytes[0] & 0xff, payload));
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception error) {
            if (conn == null) {
                throw new IllegalStateException("the fake voice gateway failed", error);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
