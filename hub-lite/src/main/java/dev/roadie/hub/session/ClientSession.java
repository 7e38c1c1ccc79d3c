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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's session: who it is, what it subscribed to and announced, and its outbound
 * stream. A session outlives its link: when the socket is lost the session is detached, keeps
 * what is sent to it, and can be resumed over a new socket until the hub ends it. It ends once,
 * for good, and then tells the hub so that routes and pending requests are cleaned up.
 */
public final class ClientSession {
    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    /** How long a flood may last before the client is cut. */
    static final long FLOOD_WINDOW_NANOS = 5_000_000_000L;

    private final String id;
    private final Principal principal;
    private final ServiceId identity;
    private final SessionLimits limits;
    private final Bucket rate;
    private final Outbound outbound;
    private final AckTimer acks;
    /** Made once, not per flush: a busy session asks for one every ack delay. */
    private final Runnable flushAckTask = this::flushAck;
    private final Consumer<ClientSession> onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();

    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final Set<ServiceId> services = ConcurrentHashMap.newKeySet();
    private volatile String remoteAddress;
    private volatile long lastHeardNanos;
    private volatile long detachedSinceNanos;
    private volatile long lastClientSeq;
    private long lastRateWarningNanos;
    private long floodWindowStartNanos;
    private long droppedInWindow;

    /**
     * A session attached to {@code link}, or to none yet when it is null (then {@link #attach}
     * gives it one, writing its welcome first). {@code acks} says how soon the client's frames are
     * acknowledged and writes the held-back acks. {@code durableAcknowledged} hears of every durable
     * message the client acknowledged; {@code onEnd} runs once when the session ends.
     */
    public ClientSession(String id, Principal principal, ServiceId identity, String remoteAddress, ClientLink link,
            SessionLimits limits, AckTimer acks, long nowNanos, LongConsumer durableAcknowledged,
            Consumer<ClientSession> onEnd) {
        this.id = id;
        this.principal = principal;
        this.identity = identity;
        this.remoteAddress = remoteAddress;
        this.limits = limits;
        this.acks = acks;
        this.onEnd = onEnd;
        this.outbound = new Outbound(link, limits, durableAcknowledged, acks.delayNanos(), this::askFlushAck,
                nowNanos);
        this.rate = Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.frameBurst()).refillGreedy(limits.framesPerSecond(),
                        java.time.Duration.ofSeconds(1)))
                .build();
        this.lastHeardNanos = nowNanos;
        this.detachedSinceNanos = nowNanos;
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

    /** Whether the session has ended for good. A detached session has not. */
    public boolean isEnded() {
        return ended.get();
    }

    /** Whether a link is attached now. */
    public boolean isAttached() {
        return !ended.get() && outbound.link() != null;
    }

    /** Since when the session has had no link (System.nanoTime), meaningful while detached. */
    public long detachedSinceNanos() {
        return detachedSinceNanos;
    }

    /** Topics this session subscribed to. */
    public Set<String> topics() {
        return topics;
    }

    /** Services this session serves: its identity and what it announced. */
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
        return outbound.lastSentNanos();
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
     * processed before (a replay after a resume), and must be skipped. Called from the reading
     * thread of whichever link is attached, one at a time.
     */
    public synchronized boolean acceptClientSeq(long seq) {
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

    /**
     * The client's frame numbered {@code seq} was processed, and everything the hub sends in answer
     * to it was sent: acknowledges it, at once or by the ack the delay ends with
     * ({@code sessions.ackDelay}). Acks are cumulative, so one covers every frame processed before.
     */
    public void processed(long seq) {
        handle(outbound.ackProcessed(seq, System.nanoTime()));
    }

    private void askFlushAck(long nanos) {
        if (!acks.schedule(flushAckTask, nanos)) {
            log.debug("Ack of {} dropped: the hub is stopping", this);
        }
    }

    /** Runs on the ack timer's thread: nothing may escape, or the flush would fail unseen. */
    private void flushAck() {
        try {
            handle(outbound.flushAck(System.nanoTime()));
        } catch (RuntimeException e) {
            log.error("Failed to write the ack to {}", this, e);
        }
    }

    /** Sends a control frame (ping, pong, ...): not numbered, not kept, dropped while detached. */
    public void sendControl(Frame frame) {
        handle(outbound.sendControl(FrameCodec.DEFAULT.encode(frame)));
    }

    /** Sends a numbered frame. */
    public void deliver(Numbered frame) {
        deliver(PreparedFrame.of(frame), 0);
    }

    /** Sends a numbered frame prepared once for many sessions. */
    public void deliver(PreparedFrame frame) {
        deliver(frame, 0);
    }

    /** Sends a numbered frame; {@code durableId} names the stored durable message it carries, or 0. */
    public void deliver(PreparedFrame frame, long durableId) {
        if (!ended.get()) {
            handle(outbound.deliver(frame, durableId));
        }
    }

    /** Sends an error about the frame with id {@code re}. */
    public void error(String re, ErrorCode code, String message) {
        deliver(ErrorFrame.of(re, code, message));
    }

    /** The client acknowledged everything up to {@code seq}. */
    public void acknowledged(long seq) {
        outbound.acknowledged(seq);
    }

    /** How many sent frames wait for an acknowledgement. */
    public int unackedCount() {
        return outbound.unackedCount();
    }

    /**
     * Resumes the session over {@code link}: forgets what the client has up to {@code lastSeq},
     * sends {@code welcome}, then replays the rest. The previous link, if any, is closed. Returns
     * false, having sent nothing, when the session ended meanwhile: the caller starts a new one.
     */
    public boolean attach(ClientLink link, String fromAddress, long lastSeq, Frame welcome, long nowNanos) {
        lastHeardNanos = nowNanos;
        remoteAddress = fromAddress;
        Outbound.Attached attached = outbound.attach(link, lastSeq, FrameCodec.DEFAULT.encode(welcome));
        if (attached.result() == Outbound.Result.CLOSED) {
            return false;
        }
        if (attached.replaced() != null) {
            attached.replaced().close(CloseCode.REPLACED.code(),
                    CloseCode.REPLACED.reason() + ": the session was resumed elsewhere");
        }
        handle(attached.result());
        return true;
    }

    /** Whether {@code link} is the link this session uses now: frames from any other link are stale. */
    public boolean isLink(ClientLink link) {
        return !ended.get() && outbound.isLink(link);
    }

    /** The link {@code link} was lost: keep the session for a resume. False when it was not the current link. */
    public boolean detach(ClientLink link, long nowNanos) {
        if (ended.get() || !outbound.detach(link)) {
            return false;
        }
        detachedSinceNanos = nowNanos;
        return true;
    }

    /** Cuts the current link (the session stays and may be resumed). */
    public void closeLink(CloseCode code, String reason) {
        ClientLink link = outbound.link();
        if (link != null && detach(link, System.nanoTime())) {
            log.info("Closing the link of {}: {} ({})", this, code.reason(), reason);
            link.close(code.code(), truncate(code.reason() + ": " + reason));
        }
    }

    /** Ends the session for good, once: closes its link with {@code code} and tells the hub. */
    public void end(CloseCode code, String reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        log.info("Ending {}: {} ({})", this, code.reason(), reason);
        ClientLink link = outbound.close();
        if (link != null) {
            link.close(code.code(), truncate(code.reason() + ": " + reason));
        }
        onEnd.accept(this);
    }

    /** Ends the session for good, once, when its link is already gone: the client left, or never came back. */
    public void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            log.info("Ending {}: {}", this, reason);
            outbound.close();
            onEnd.accept(this);
        }
    }

    private void handle(Outbound.Result result) {
        switch (result) {
            case SENT, BUFFERED, CLOSED, DELAYED -> { }
            case UNACKED_OVERFLOW -> end(CloseCode.SLOW_CONSUMER, "more than " + limits.maxUnackedFrames()
                    + " frames or " + limits.maxUnackedBytes() + " bytes not acknowledged");
            case QUEUE_OVERFLOW -> closeLink(CloseCode.SLOW_CONSUMER, "more than " + limits.maxPendingBytes()
                    + " bytes waiting to be sent");
        }
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
