package dev.roadie.voice.gateway;

import dev.roadie.voice.VoiceSession;
import dev.roadie.voice.dave.DaveHandler;
import dev.roadie.voice.dave.DaveReplies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The voice gateway v8 over one WebSocket at a time: identify or resume on hello, heartbeats with
 * {@code seq_ack}, ready, select protocol, session description, speaking, the call's users, DAVE's
 * opcodes to the {@link DaveHandler}, and reconnecting as {@link CloseRules} says.
 *
 * <p>Everything runs on one thread ({@code voice-gateway}): socket events are posted to it, so the
 * state below needs no locks, and sends never overlap (the JDK WebSocket refuses a send while one
 * is pending). Events from a socket replaced since are dropped by their generation number.
 */
public final class VoiceGatewayClient implements AutoCloseable {

    public static final int GATEWAY_VERSION = 8;

    private static final Logger log = LoggerFactory.getLogger(VoiceGatewayClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final GatewayListener listener;
    private final DaveHandler dave;
    private final GatewayOptions options;
    private final HttpClient http;
    private final ScheduledExecutorService loop;
    private final DaveReplies replies = new Replies();
    private volatile Thread loopThread;

    // Confined to the loop thread.
    private VoiceSession session;
    private WebSocket socket;
    private int generation;
    private boolean resumeOnHello;
    private boolean sessionEstablished;
    private int lastSeq = -1;
    private int attempts;
    private ScheduledFuture<?> heartbeat;
    private boolean awaitingAck;
    /** The nonce ({@code t}) of the heartbeat awaiting its ACK, and when it went out. */
    private long heartbeatNonce;
    private long heartbeatSentNanos;
    /** The last heartbeat round trip in ms; -1 until one is measured on the current socket. */
    private volatile long pingMillis = -1;
    private boolean stopped;
    private boolean closed;
    private final Set<Long> users = new LinkedHashSet<>();

    public VoiceGatewayClient(VoiceSession session, DaveHandler dave, GatewayListener listener, GatewayOptions options) {
        this.session = session;
        this.dave = dave;
        this.listener = listener;
        this.options = options;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            loopThread = Thread.ofPlatform().name("voice-gateway").daemon().unstarted(runnable);
            return loopThread;
        });
        // A reconnect waiting its backoff must not hold up close().
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.loop = executor;
        this.http = HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build();
    }

    /** Opens the socket and identifies; progress comes to the listener. */
    public void connect() {
        loop.execute(() -> open(false));
    }

    /** Select protocol (op 1): the address IP discovery found, and the mode chosen from ready's. */
    public void selectProtocol(String address, int port, String mode) {
        loop.execute(() -> sendJson(VoiceOp.SELECT_PROTOCOL, ClientMessages.selectProtocol(address, port, mode)));
    }

    /** Speaking (op 5) with this client's SSRC: flags 1 (microphone) before sending audio, 0 when it stops. */
    public void speaking(int flags, int ssrc) {
        loop.execute(() -> sendJson(VoiceOp.SPEAKING, ClientMessages.speaking(flags, ssrc)));
    }

    /**
     * A later {@code VOICE_SERVER_UPDATE} moved the call: leave this endpoint and identify at the
     * new one with the new token (the session id stays). Works after a give-up too (4014, 4022).
     */
    public void moveTo(String endpoint, String token) {
        loop.execute(() -> {
            if (closed) {
                return;
            }
            session = session.movedTo(endpoint, token);
            dropSocket(1000, "moving to another voice server");
            stopped = false;
            attempts = 0;
            listener.onReconnecting("moving to voice server " + endpoint);
            open(false);
        });
    }

    /**
     * Gives up on the call from outside the protocol (UDP could not be set up, say): closes the
     * socket and reports {@code reason} as a disconnect.
     */
    public void abandon(String reason) {
        loop.execute(() -> {
            if (!stopped) {
                dropSocket(1000, "the client gave up");
                giveUp(1000, reason);
            }
        });
    }

    /**
     * The voice gateway's last heartbeat round trip (op 3 sent to its op 6 ACK) in milliseconds, as
     * Lavalink reports it for a player; -1 while there is no socket, or none acknowledged on this one yet.
     */
    public long ping() {
        return pingMillis;
    }

    /** The users in the call besides this one, as ops 11 and 13 told. */
    public Set<Long> users() {
        if (loop.isShutdown()) {
            return Set.of();
        }
        return call(() -> Set.copyOf(users));
    }

    /** Closes the socket (1000) and the thread; callable from a listener callback too. */
    @Override
    public void close() {
        if (loop.isShutdown()) {
            return;
        }
        loop.execute(() -> {
            closed = true;
            stopped = true;
            dropSocket(1000, "leaving the voice channel");
            http.shutdown();
        });
        loop.shutdown();
        if (Thread.currentThread() == loopThread) {
            // Closed from a listener callback: the close runs once this callback returns.
            return;
        }
        try {
            if (!loop.awaitTermination(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            loop.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---- the socket -------------------------------------------------------------------------

    private void open(boolean resume) {
        int gen = ++generation;
        resumeOnHello = resume && sessionEstablished;
        if (!resumeOnHello) {
            // Identify starts a new session: until its session description, a loss identifies again.
            sessionEstablished = false;
        }
        URI uri = uriOf(session.endpoint());
        log.debug("voice gateway: opening {} to {}", resumeOnHello ? "a resume" : "a session", uri);
        http.newWebSocketBuilder()
                .connectTimeout(options.connectTimeout())
                .buildAsync(uri, new WholeMessages(new SocketEvents(gen)))
                .whenComplete((ws, error) -> onLoop(gen, () -> {
                    // On success the socket was taken in SocketEvents.onOpen, before any message.
                    if (error != null) {
                        lost("could not reach the voice gateway at " + uri + ": " + rootMessage(error));
                    }
                }, () -> {
                    if (ws != null) {
                        ws.abort();
                    }
                }));
    }

    static URI uriOf(String endpoint) {
        String base = endpoint.contains("://") ? endpoint : "wss://" + endpoint;
        if (!base.substring(base.indexOf("://") + 3).contains("/")) {
            base = base + "/";
        }
        return URI.create(base + (base.contains("?") ? "&" : "?") + "v=" + GATEWAY_VERSION);
    }

    /** Runs {@code task} on the loop if socket {@code gen} is still current, {@code stale} otherwise. */
    private void onLoop(int gen, Runnable task, Runnable stale) {
        if (loop.isShutdown()) {
            stale.run();
            return;
        }
        loop.execute(() -> {
            if (gen == generation && !stopped) {
                task.run();
            } else {
                stale.run();
            }
        });
    }

    private void dropSocket(int code, String reason) {
        generation++;
        stopHeartbeat();
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            try {
                ws.sendClose(code, reason).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.debug("voice gateway: the close frame did not go out ({}); dropping the socket", rootMessage(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ws.abort();
        }
    }

    private void closedByServer(int code, String reason) {
        socket = null;
        stopHeartbeat();
        CloseRule rule = CloseRules.forCode(code, reason);
        log.info("voice gateway closed the socket with {}: {}", code, rule.reason());
        switch (rule.action()) {
            case RESUME -> reconnect(true, rule.reason());
            case IDENTIFY -> reconnect(false, rule.reason());
            case GIVE_UP -> giveUp(code, rule.reason());
        }
    }

    /** The socket failed without a close code, or a heartbeat went unacknowledged: network loss. */
    private void lost(String reason) {
        WebSocket ws = socket;
        generation++;
        socket = null;
        stopHeartbeat();
        if (ws != null) {
            ws.abort();
        }
        log.info("voice gateway connection lost: {}", reason);
        reconnect(true, reason + "; resuming");
    }

    private void reconnect(boolean resume, String reason) {
        attempts++;
        if (attempts > options.maxReconnectAttempts()) {
            giveUp(1006, "gave up after " + options.maxReconnectAttempts() + " reconnect attempts; the last: " + reason);
            return;
        }
        listener.onReconnecting(reason);
        // Until the reopen, events from the old socket are stale; and a move or close meanwhile
        // (which bump the generation again) cancels this reopen.
        int gen = ++generation;
        loop.schedule(() -> {
            if (!stopped && gen == generation) {
                open(resume);
            }
        }, options.backoff(attempts).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUp(int code, String reason) {
        stopped = true;
        listener.onDisconnected(code, reason);
    }

    // ---- receiving --------------------------------------------------------------------------

    private void onText(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JacksonException e) {
            log.warn("voice gateway sent text that is not JSON ({}); ignored", e.getOriginalMessage());
            return;
        }
        if (message.hasNonNull("seq")) {
            lastSeq = message.get("seq").asInt();
        }
        int op = message.path("op").asInt(-1);
        JsonNode d = message.path("d");
        switch (op) {
            case VoiceOp.HELLO -> onHello(d.path("heartbeat_interval").asDouble());
            case VoiceOp.READY -> listener.onReady(Ready.fromJson(d));
            case VoiceOp.SESSION_DESCRIPTION -> onSessionDescription(SessionDescription.fromJson(d));
            case VoiceOp.HEARTBEAT_ACK -> onHeartbeatAck(d);
            case VoiceOp.RESUMED -> {
                attempts = 0;
                listener.onResumed();
            }
            case VoiceOp.SPEAKING -> listener.onSpeaking(
                    d.path("user_id").asLong(), d.path("ssrc").asInt(), d.path("speaking").asInt());
            case VoiceOp.CLIENTS_CONNECT -> {
                Set<Long> joined = new LinkedHashSet<>();
                d.path("user_ids").forEach(id -> joined.add(id.asLong()));
                users.addAll(joined);
                dave.onUsersChanged(Set.copyOf(users));
                listener.onUsersJoined(Collections.unmodifiableSet(joined));
            }
            case VoiceOp.CLIENT_DISCONNECT -> {
                long userId = d.path("user_id").asLong();
                users.remove(userId);
                dave.onUsersChanged(Set.copyOf(users));
                listener.onUserLeft(userId);
            }
            default -> {
                if (VoiceOp.isDaveJson(op)) {
                    dave.onJson(op, d, replies);
                } else {
                    log.trace("voice gateway op {} not used here", op);
                }
            }
        }
    }

    private void onBinary(byte[] frame) {
        if (frame.length < 3) {
            log.warn("voice gateway sent a {}-byte binary frame, shorter than sequence and opcode; ignored", frame.length);
            return;
        }
        lastSeq = ((frame[0] & 0xff) << 8) | (frame[1] & 0xff);
        int op = frame[2] & 0xff;
        byte[] payload = java.util.Arrays.copyOfRange(frame, 3, frame.length);
        if (VoiceOp.isDaveBinary(op)) {
            dave.onBinary(op, payload, replies);
        } else {
            log.debug("voice gateway sent binary op {}, which this client does not know; ignored", op);
        }
    }

    private void onHello(double intervalMillis) {
        if (resumeOnHello) {
            sendJson(VoiceOp.RESUME, ClientMessages.resume(session, lastSeq));
        } else {
            lastSeq = -1;
            users.clear();
            sendJson(VoiceOp.IDENTIFY, ClientMessages.identify(session, dave.maxProtocolVersion()));
        }
        startHeartbeat(Math.max(1, Math.round(intervalMillis)));
    }

    private void onHeartbeatAck(JsonNode d) {
        // An ACK echoes the heartbeat's nonce; one that does not (a late ACK of an earlier beat) is no round trip.
        if (awaitingAck && d.path("t").asLong(heartbeatNonce) == heartbeatNonce) {
            pingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - heartbeatSentNanos);
        }
        awaitingAck = false;
    }

    private void onSessionDescription(SessionDescription description) {
        sessionEstablished = true;
        attempts = 0;
        dave.onSessionStarted(description.daveProtocolVersion(), session.userId(), session.channelId(), replies);
        listener.onSessionDescription(description);
    }

    // ---- heartbeats -------------------------------------------------------------------------

    private void startHeartbeat(long intervalMillis) {
        stopHeartbeat();
        awaitingAck = false;
        int gen = generation;
        heartbeat = loop.scheduleAtFixedRate(() -> beat(gen), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void beat(int gen) {
        if (gen != generation || stopped) {
            return;
        }
        if (awaitingAck) {
            lost("the voice gateway did not acknowledge the last heartbeat within one interval");
            return;
        }
        awaitingAck = true;
        heartbeatNonce = System.currentTimeMillis();
        heartbeatSentNanos = System.nanoTime();
        sendJson(VoiceOp.HEARTBEAT, ClientMessages.heartbeat(heartbeatNonce, lastSeq));
    }

    private void stopHeartbeat() {
        // Every path that leaves a socket stops its heartbeat: the round trip measured on it is over.
        pingMillis = -1;
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    // ---- sending ----------------------------------------------------------------------------

    private void sendJson(int op, Map<String, Object> data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("op", op);
        message.put("d", data);
        String text = JSON.writeValueAsString(message);
        if (op == VoiceOp.HEARTBEAT) {
            log.trace("voice gateway <- {}", text);
        }
        send(ws -> ws.sendText(text, true), op);
    }

    private void sendBinary(int op, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(1 + payload.length).put((byte) op).put(payload).flip();
        send(ws -> ws.sendBinary(frame, true), op);
    }

    private void send(java.util.function.Function<WebSocket, CompletableFuture<WebSocket>> how, int op) {
        WebSocket ws = socket;
        if (ws == null) {
            log.debug("voice gateway op {} not sent: no socket open (reconnecting)", op);
            return;
        }
        try {
            how.apply(ws).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            lost("sending op " + op + " failed: " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T call(java.util.concurrent.Callable<T> question) {
        try {
            return loop.submit(question).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the voice gateway thread did not answer: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the voice gateway thread", e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** DAVE's answers go out on the loop, after whatever the loop is doing. */
    private final class Replies implements DaveReplies {
        @Override
        public void sendJson(int op, Map<String, Object> data) {
            Map<String, Object> copy = new LinkedHashMap<>(data);
            loop.execute(() -> VoiceGatewayClient.this.sendJson(op, copy));
        }

        @Override
        public void sendBinary(int op, byte[] payload) {
            byte[] copy = payload.clone();
            loop.execute(() -> VoiceGatewayClient.this.sendBinary(op, copy));
        }
    }

    /** One socket's whole messages, posted to the loop; dropped once that socket is replaced. */
    private final class SocketEvents implements WholeMessages.Events {
        private final int gen;

        SocketEvents(int gen) {
            this.gen = gen;
        }

        @Override
        public void opened(WebSocket ws) {
            onLoop(gen, () -> socket = ws, ws::abort);
        }

        @Override
        public void text(String message) {
            onLoop(gen, () -> onText(message), () -> { });
        }

        @Override
        public void binary(byte[] message) {
            onLoop(gen, () -> onBinary(message), () -> { });
        }

        @Override
        public void closed(int code, String reason) {
            onLoop(gen, () -> closedByServer(code, reason), () -> { });
        }

        @Override
        public void failed(Throwable error) {
            onLoop(gen, () -> lost("the voice gateway connection failed: " + rootMessage(error)), () -> { });
        }
    }
}
