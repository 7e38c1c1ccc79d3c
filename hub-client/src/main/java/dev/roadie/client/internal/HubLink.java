package dev.roadie.client.internal;

import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to one address of a hub. Used once: every attempt opens a new link. Its IO
 * thread decodes frames and hands them to the protocol loop, which usually runs them right there.
 * The socket goes to the address chosen by the client while the URI's host stays in the Host
 * header and, for {@code wss}, in TLS (SNI and certificate check).
 */
final class HubLink extends WebSocketClient {
    private static final Logger log = LoggerFactory.getLogger(HubLink.class);

    private final java.util.concurrent.CountDownLatch closedLatch = new java.util.concurrent.CountDownLatch(1);

    /** Where a link reports; implementations hand over to the protocol loop at once. */
    interface Events {
        void opened(HubLink link);

        void frame(HubLink link, Frame frame);

        void unreadable(HubLink link, FrameException problem);

        void closed(HubLink link, int code, String reason, boolean remote);
    }

    final URI hub;
    final InetAddress address;
    private final Events events;
    private final String threadName;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile String lastError;
    long lastSentNanos = System.nanoTime();

    HubLink(URI hub, InetAddress address, int connectTimeoutMs, Events events, String threadName) {
        super(hub, new FastMaskingDraft(), Map.of(), connectTimeoutMs);
        this.hub = hub;
        this.address = address;
        this.events = events;
        this.threadName = threadName;
        setDnsResolver(uri -> address);
        // The protocol's JSON ping/pong is the heartbeat; the library's own timer would only add a thread.
        setConnectionLostTimeout(0);
        // Frames are small and answered at once (acks, replies): Nagle's algorithm would hold each
        // one back until the delayed ack of the previous, adding up to 40 ms to every round trip.
        setTcpNoDelay(true);
        setDaemon(true);
    }

    @Override
    public void run() {
        Thread.currentThread().setName(threadName);
        super.run();
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    String lastError() {
        return lastError;
    }

    /** Writes one text frame; false when the socket is not open (its close is on its way). */
    boolean write(String text) {
        try {
            send(text);
            lastSentNanos = System.nanoTime();
            return true;
        } catch (WebsocketNotConnectedException e) {
            log.debug("Could not write to {} ({}): the socket is not open", hub, address);
            return false;
        }
    }

    /** Ends the link without waiting for the peer: a dead link never answers a close. */
    /**
     * Closes with {@code code} and waits, at most {@code bound}, for the hub to answer the close,
     * then drops the socket. Without the wait the hub would see a lost link (1006) instead of a
     * client leaving, and keep the session for a resume that never comes.
     */
    void closeGracefully(int code, String reason, java.time.Duration bound) {
        close(code, reason);
        try {
            if (!closedLatch.await(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                log.debug("The hub did not answer the close within {} ms; dropping the socket", bound.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandon(code, reason);
    }

    void abandon(int code, String reason) {
        closeConnection(code, reason);
        Socket socket = getSocket();
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("Closing the socket to {} failed: {}", address, e.toString());
            }
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        lastHeardNanos = System.nanoTime();
        events.opened(this);
    }

    @Override
    public void onMessage(String text) {
        lastHeardNanos = System.nanoTime();
        Frame frame;
        try {
            frame = FrameCodec.DEFAULT.decode(text);
        } catch (FrameException e) {
            events.unreadable(this, e);
            return;
        }
        events.frame(this, frame);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        // The protocol has no binary frames; one still counts as a sign of life.
        lastHeardNanos = System.nanoTime();
        log.debug("Ignored a binary message of {} bytes from {}", bytes.remaining(), hub);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closedLatch.countDown();
        // The connection works on its own copy of the draft given to the constructor: ask it.
        UpgradeRefusal refusal = getConnection().getDraft() instanceof FastMaskingDraft draft ? draft.refusal() : null;
        if (refusal != null) {
            // The library's reason would be "Invalid status code received: 403 ...": the hub's says why.
            events.closed(this, code, refusal.describe(), remote);
            return;
        }
        // After a socket error the library closes with the exception's bare message: ours says more.
        events.closed(this, code, !remote && lastError != null || reason == null || reason.isEmpty() ? lastError : reason,
                remote);
    }

    @Override
    public void onError(Exception e) {
        // Followed by onClose, which decides what to do; keep the reason for it.
        lastError = describe(e);
        log.debug("Socket error on {} ({}): {}", hub, address, e.toString());
    }

    @Override
    public String toString() {
        return hub + " (" + address.getHostAddress() + ")";
    }

    /**
     * What went wrong, in the words a person looking at a command line expects ("connection
     * refused", "TLS ..."), rather than an exception's class name.
     */
    static String describe(Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return switch (e) {
            case java.net.ConnectException refused when detail.toLowerCase(java.util.Locale.ROOT).contains("refused") ->
                    "connection refused";
            case java.net.NoRouteToHostException noRoute -> "no route to host";
            case java.net.UnknownHostException unknown -> "unknown host " + detail;
            case java.net.SocketTimeoutException timeout -> "timed out: " + detail;
            case javax.net.ssl.SSLException tls -> "TLS failed: " + detail;
            case java.net.ConnectException other -> "cannot connect: " + detail;
            default -> e.toString();
        };
    }
}
