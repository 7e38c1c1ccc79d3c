package dev.roadie.hub.session;

import dev.roadie.hub.auth.Principal;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Numbered;
import io.github.bucket4j.Bucket;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated client: who it is, what it subscribed to and announced, and its outbound
 * stream. Every numbered frame the hub sends gets the next sequence number and stays in the
 * unacknowledged buffer until the client acknowledges it; the buffer and the bytes queued in
 * the socket are bounded, and a client that lets either overflow is cut, so that one slow
 * client never costs the others memory.
 */
public final class ClientSession {
    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    private final String id;
    private final Principal principal;
    private final ServiceId identity;
    private final String remoteAddress;
    private final ClientLink link;
    private final SessionLimits limits;
    private final Bucket rate;

    private final Object sendLock = new Object();
    private long nextSeq = 1;
    private final ArrayDeque<Unacked> unacked = new ArrayDeque<>();
    private long unackedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean open = new AtomicBoolean(true);

    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final Set<ServiceId> services = ConcurrentHashMap.newKeySet();
    private volatile long lastHeardNanos;
    private volatile long lastSentNanos;
    private long lastClientSeq;
    private long lastRateWarningNanos;
    private long floodWindowStartNanos;
    private long droppedInWindow;

    /** How long a flood may last before the client is cut. */
    static final long FLOOD_WINDOW_NANOS = 5_000_000_000L;

    private record Unacked(long seq, String text) {
    }

    public ClientSession(String id, Principal principal, ServiceId identity, String remoteAddress, ClientLink link,
            SessionLimits limits, long nowNanos) {
        this.id = id;
        this.principal = principal;
        this.identity = identity;
        this.remoteAddress = remoteAddress;
        this.link = link;
        this.limits = limits;
        this.rate = Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.frameBurst()).refillGreedy(limits.framesPerSecond(),
                        java.time.Duration.ofSeconds(1)))
                .build();
        this.lastHeardNanos = nowNanos;
        this.lastSentNanos = nowNanos;
        // nanoTime has an arbitrary origin: start the windows from now, not from zero.
        this.lastRateWarningNanos = nowNanos - 1_000_000_000L;
        this.floodWindowStartNanos = nowNanos;
    }

    public String id() {
        return id;
    }

    public Principal principal() {
        return principal;
    }

    /** The service this connection is: its token's kind and name. */
    public ServiceId identity() {
        return identity;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public boolean isOpen() {
        return open.get();
    }

    /** Topics this session subscribed to. */
    public Set<String> topics() {
        return topics;
    }

    /** Services this session announced. */
    public Set<ServiceId> services() {
        return services;
    }

    /** Notes that the client was heard from: any frame counts as a heartbeat. */
    public void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    public long lastSentNanos() {
        return lastSentNanos;
    }

    /** Takes one frame from the rate budget; false when the client is over its rate. */
    public boolean tryTakeFrame() {
        return rate.tryConsume(1);
    }

    /** Whether to tell the client it is rate limited now: at most once a second, so a flood is not answered by one. */
    public boolean shouldWarnRate(long nowNanos) {
        if (nowNanos - lastRateWarningNanos >= 1_000_000_000L) {
            lastRateWarningNanos = nowNanos;
            return true;
        }
        return false;
    }

    /**
     * Counts a dropped frame; true when the client keeps flooding: more frames dropped within
     * {@link #FLOOD_WINDOW_NANOS} than it may send in that time. Such a client is cut.
     */
    public boolean droppedAndFlooding(long nowNanos) {
        if (nowNanos - floodWindowStartNanos > FLOOD_WINDOW_NANOS) {
            floodWindowStartNanos = nowNanos;
            droppedInWindow = 0;
        }
        droppedInWindow++;
        return droppedInWindow > (long) limits.framesPerSecond() * FLOOD_WINDOW_NANOS / 1_000_000_000L;
    }

    /**
     * Records the client's sequence number of a frame about to be processed; false when it was
     * processed before (a replay), and must be skipped. Called only from the socket's reading thread.
     */
    public boolean acceptClientSeq(long seq) {
        if (seq == 0) {
            return true;
        }
        if (seq <= lastClientSeq) {
            return false;
        }
        lastClientSeq = seq;
        return true;
    }

    /** The last client sequence number processed. */
    public long lastClientSeq() {
        return lastClientSeq;
    }

    /** Sends a control frame (ping, pong, ack, ...): not numbered, not kept. */
    public void sendControl(Frame frame) {
        write(FrameCodec.DEFAULT.encode(frame));
    }

    /** Sends a numbered frame. */
    public void deliver(Numbered frame) {
        deliver(PreparedFrame.of(frame));
    }

    /** Sends a numbered frame prepared once for many sessions. */
    public void deliver(PreparedFrame frame) {
        if (!open.get()) {
            return;
        }
        String overflow = null;
        synchronized (sendLock) {
            long seq = nextSeq++;
            String text = frame.withSeq(seq);
            unacked.addLast(new Unacked(seq, text));
            unackedBytes += text.length();
            if (unacked.size() > limits.maxUnackedFrames() || unackedBytes > limits.maxUnackedBytes()) {
                overflow = unacked.size() + " frames (" + unackedBytes + " bytes) not acknowledged";
            } else {
                write(text);
            }
        }
        if (overflow != null) {
            close(CloseCode.SLOW_CONSUMER, overflow);
        }
    }

    /** Sends an error about the frame with id {@code re}. */
    public void error(String re, ErrorCode code, String message) {
        deliver(ErrorFrame.of(re, code, message));
    }

    /** The client acknowledged everything up to {@code seq}. */
    public void acknowledged(long seq) {
        synchronized (sendLock) {
            while (!unacked.isEmpty() && unacked.peekFirst().seq() <= seq) {
                unackedBytes -= unacked.removeFirst().text().length();
            }
        }
    }

    /** How many sent frames wait for an acknowledgement. */
    public int unackedCount() {
        synchronized (sendLock) {
            return unacked.size();
        }
    }

    private void write(String text) {
        long queued = queuedBytes.addAndGet(text.length());
        if (queued > limits.maxPendingBytes()) {
            queuedBytes.addAndGet(-text.length());
            // Closing from here may run on another session's thread: the link closes asynchronously.
            close(CloseCode.SLOW_CONSUMER, queued + " bytes waiting to be sent");
            return;
        }
        lastSentNanos = System.nanoTime();
        link.send(text, () -> queuedBytes.addAndGet(-text.length()), failure -> {
            queuedBytes.addAndGet(-text.length());
            log.debug("Send to {} failed: {}", this, failure.toString());
        });
    }

    /** Closes the connection once; later calls do nothing. */
    public void close(CloseCode code, String reason) {
        if (open.compareAndSet(true, false)) {
            log.info("Closing {}: {} ({})", this, code.reason(), reason);
            link.close(code.code(), truncate(code.reason() + ": " + reason));
        }
    }

    /** Marks the session closed after its socket closed by itself. */
    public boolean markClosed() {
        return open.compareAndSet(true, false);
    }

    private static String truncate(String reason) {
        // A close reason must fit in a 125-byte control frame.
        return reason.length() > 120 ? reason.substring(0, 120) : reason;
    }

    @Override
    public String toString() {
        return identity + " (session " + id + " from " + remoteAddress + ")";
    }
}
