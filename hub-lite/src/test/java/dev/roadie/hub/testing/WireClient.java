package dev.roadie.hub.testing;

import dev.roadie.model.wire.Ack;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Numbered;
import dev.roadie.model.wire.Ping;
import dev.roadie.model.wire.Pong;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.Welcome;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A raw protocol client for tests: a real WebSocket that speaks frames by hand, so tests can
 * send exactly what they mean, malformed input included. By default it answers pings, acks
 * every numbered frame and ignores requests; each of these can be switched.
 */
public final class WireClient extends WebSocketClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final FrameCodec codec = FrameCodec.DEFAULT;
    private final BlockingQueue<Frame> inbox = new LinkedBlockingQueue<>();
    private final List<Frame> backlog = new ArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private volatile long lastReceivedSeq;
    private volatile long ackedUpTo;
    private volatile Welcome welcome;
    private volatile boolean autoAck = true;
    private volatile boolean autoPong = true;
    /** Set when the upgrade succeeded, even if the hub closes the socket straight after. */
    private final CountDownLatch upgraded = new CountDownLatch(1);
    private volatile Function<Request, Reply> responder;

    private WireClient(URI uri, Map<String, String> headers) {
        super(uri, headers);
        setConnectionLostTimeout(0); // the protocol's own heartbeats are under test, not the library's
        // Without it Nagle holds back a second small frame until the first is acknowledged at the
        // TCP level, which the other side delays: about 40 ms for each two frames sent in a row.
        setTcpNoDelay(true);
    }

    /** Opens a socket to the hub's {@code /ws}. */
    public static WireClient connect(int port) {
        return connect(port, Map.of());
    }

    /** Opens a socket with extra upgrade headers. */
    public static WireClient connect(int port, Map<String, String> headers) {
        WireClient client = new WireClient(URI.create("ws://127.0.0.1:" + port + "/ws"), headers);
        try {
            if (!client.connectBlocking(WAIT.toMillis(), TimeUnit.MILLISECONDS) && !client.closedAfterOpening()) {
                throw new IllegalStateException("could not connect to the hub on port " + port);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return client;
    }

    /**
     * Opens a wss:// socket to 127.0.0.1:{@code port}, checking that the hub's certificate is
     * for {@code serverName} and chains to what {@code trust} trusts.
     */
    public static WireClient connectTls(int port, javax.net.ssl.SSLContext trust, String serverName) {
        WireClient client = new WireClient(URI.create("wss://" + serverName + ":" + port + "/ws"), Map.of());
        try {
            javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) trust.getSocketFactory()
                    .createSocket(new java.net.Socket("127.0.0.1", port), serverName, port, true);
            javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            client.setSocket(socket);
            if (!client.connectBlocking(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("could not open wss:// to the hub on port " + port);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("TLS to the hub on port " + port + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return client;
    }

    /** Connects and says hello with {@code token}; returns the welcome. */
    public static WireClient authenticated(int port, String token) {
        WireClient client = connect(port);
        client.hello(token);
        return client;
    }

    /** Sends a hello with only a token and waits for the welcome. */
    public Welcome hello(String token) {
        return hello(new Hello(token, null, null, null, 1, "wire-client"));
    }

    /** Sends a hello and waits for the welcome. */
    public Welcome hello(Hello hello) {
        sendFrame(hello);
        welcome = expect(Welcome.class);
        return welcome;
    }

    /** The welcome of the last hello. */
    public Welcome welcome() {
        return welcome;
    }

    public WireClient autoAck(boolean on) {
        autoAck = on;
        return this;
    }

    public WireClient autoPong(boolean on) {
        autoPong = on;
        return this;
    }

    /** Answers every incoming request with {@code responder}'s reply; a null reply means never answer. */
    public WireClient respondWith(Function<Request, Reply> responder) {
        this.responder = responder;
        return this;
    }

    /** Sends a numbered frame with the next sequence number; returns that number. */
    public long sendNumbered(Numbered frame) {
        long next = seq.incrementAndGet();
        send(codec.encode(frame.withSeq(next)));
        return next;
    }

    /** Sends any frame as it is. */
    public void sendFrame(Frame frame) {
        send(codec.encode(frame));
    }

    /** Waits for the next frame of {@code type}; frames of other types stay for later expectations. */
    public <T extends Frame> T expect(Class<T> type) {
        return expect(type, any -> true);
    }

    /** Waits for a frame of {@code type} that matches; others stay for later expectations. */
    public <T extends Frame> T expect(Class<T> type, Predicate<T> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (backlog) {
            for (Iterator<Frame> it = backlog.iterator(); it.hasNext(); ) {
                Frame frame = it.next();
                if (type.isInstance(frame) && match.test(type.cast(frame))) {
                    it.remove();
                    return type.cast(frame);
                }
            }
        }
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Frame frame = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no " + type.getSimpleName() + " arrived within " + WAIT.toSeconds()
                            + " s; got meanwhile: " + backlogSnapshot() + (closed.isDone()
                            ? " (socket closed " + closed.getNow(0) + " " + closeReason + ")" : ""));
                }
                if (type.isInstance(frame) && match.test(type.cast(frame))) {
                    return type.cast(frame);
                }
                synchronized (backlog) {
                    backlog.add(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until the hub acknowledged every frame up to {@code seq}, by an ack of it or a later
     * one: acks are cumulative and the hub holds them back for a moment when it acked recently, so
     * frames sent back to back may share one. Acks stay in {@link #received()}, in arrival order;
     * returns the highest number acknowledged so far.
     */
    public long expectAck(long seq) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (ackedUpTo < seq) {
                long left = deadline - System.nanoTime();
                Frame frame = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no ack of " + seq + " arrived within " + WAIT.toSeconds()
                            + " s (acknowledged up to " + ackedUpTo + "); got meanwhile: " + backlogSnapshot()
                            + (closed.isDone() ? " (socket closed " + closed.getNow(0) + " " + closeReason + ")" : ""));
                }
                synchronized (backlog) {
                    backlog.add(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return ackedUpTo;
    }

    /** The highest number the hub acknowledged so far. */
    public long ackedUpTo() {
        return ackedUpTo;
    }

    /** Waits for an error frame. */
    public ErrorFrame expectError() {
        return expect(ErrorFrame.class);
    }

    /**
     * Makes sure everything the hub had sent before this call has arrived: sends a ping and
     * waits for its pong, which the hub writes after all earlier frames.
     */
    public void sync() {
        long ts = System.nanoTime();
        sendFrame(new Ping(ts));
        expect(Pong.class, pong -> pong.ts() == ts);
        synchronized (backlog) {
            inbox.drainTo(backlog);
        }
    }

    /** Drops every frame received and not yet taken (the acks a long run never looks at). */
    public void clearReceived() {
        synchronized (backlog) {
            inbox.drainTo(backlog);
            backlog.clear();
        }
    }

    /** Every frame received and not yet taken by an expectation, after a {@link #sync()}. */
    public List<Frame> received() {
        synchronized (backlog) {
            inbox.drainTo(backlog);
            return List.copyOf(backlog);
        }
    }

    /** Waits until the hub closes the socket; returns the close code. */
    public int awaitClose() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket was not closed within " + WAIT.toSeconds() + " s", e);
        }
    }

    /**
     * Whether the socket opened and was closed again before {@link #connect} looked: the hub
     * refuses some connections (4008) right after the upgrade, which is an answer, not a failure.
     */
    private boolean closedAfterOpening() {
        // The library lets connectBlocking return as soon as the hub's close frame arrives, before
        // it calls onClose: whether the upgrade happened is the question, not whether onClose ran.
        return upgraded.getCount() == 0;
    }

    public boolean isClosedByHub() {
        return closed.isDone();
    }

    public String closeReason() {
        return closeReason;
    }

    /** Drops the TCP connection without a close frame, as a lost network does; the hub sees 1006. */
    public void drop() {
        getConnection().closeConnection(1006, "dropped by the test");
    }

    /** The highest sequence number received from the hub, to name when resuming. */
    public long lastReceivedSeq() {
        return lastReceivedSeq;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        upgraded.countDown();
    }

    @Override
    public void onMessage(String text) {
        Frame frame = codec.decode(text);
        if (frame instanceof Ping ping && autoPong) {
            sendFrame(new Pong(ping.ts(), null));
        }
        if (frame instanceof Ack ack && ack.seq() > ackedUpTo) {
            // Before the frame is queued, so that whoever takes it from the queue sees it counted.
            ackedUpTo = ack.seq();
        }
        if (frame instanceof Numbered numbered && numbered.seq() > lastReceivedSeq) {
            lastReceivedSeq = numbered.seq();
        }
        if (frame instanceof Numbered numbered && numbered.seq() > 0 && autoAck) {
            sendFrame(new Ack(numbered.seq()));
        }
        if (frame instanceof Request request && responder != null) {
            Reply reply = responder.apply(request);
            if (reply != null) {
                sendNumbered(reply);
            }
        }
        inbox.add(frame);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeReason = reason;
        closed.complete(code);
    }

    @Override
    public void onError(Exception e) {
    }

    private String backlogSnapshot() {
        synchronized (backlog) {
            inbox.drainTo(backlog);
            return backlog.stream().map(f -> f.getClass().getSimpleName()).toList().toString();
        }
    }
}
