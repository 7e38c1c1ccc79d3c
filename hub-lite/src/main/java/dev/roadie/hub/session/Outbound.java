package dev.roadie.hub.session;

import dev.roadie.model.wire.Ack;
import dev.roadie.model.wire.FrameCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * What the hub sends one session, in order. Each numbered frame gets the next sequence number
 * and stays buffered until the client acknowledges it, also while the session has no link, so
 * that a resumed session gets everything it missed. The buffer and the bytes queued in the
 * socket are bounded; going over either is reported to the caller, which cuts the client.
 * Link changes (attach, detach, close) happen under the same lock as writes, so a frame is
 * never written to a link that was already swapped out, and a closed stream never takes a link.
 * The buffer of unacknowledged frames has a lock of its own, taken briefly inside the write lock
 * or alone: a client's ack, read on another thread, forgets frames without waiting for a write
 * to the socket in progress (under load, a writer descheduled mid-write kept the readers of acks
 * waiting for tens of milliseconds).
 *
 * <p>It also acknowledges the client's frames, cumulatively: an ack is written at once when none
 * was written within the ack delay, otherwise the highest processed number waits for one flush
 * at the end of the delay. The ack state is kept under the same lock as writes, so everything
 * written in answer to a frame precedes any ack covering it.
 */
final class Outbound {
    /** How a write went. */
    enum Result {
        SENT,
        /** Kept for a resume: the session has no link now. */
        BUFFERED,
        /** The unacknowledged buffer is over its limits: the session must end. */
        UNACKED_OVERFLOW,
        /** The socket has too much queued: the link must be cut (the session may resume). */
        QUEUE_OVERFLOW,
        /** The stream was closed for good: nothing is written, no link is taken. */
        CLOSED,
        /** An ack held back: the flush already asked for writes it. */
        DELAYED
    }

    /** What an attach did, and the link it replaced (to be closed by the caller), if any. */
    record Attached(Result result, ClientLink replaced) {
    }

    private record Unacked(long seq, String text, long durableId) {
    }

    private final Object lock = new Object();
    /** Guards {@link #unacked} and {@link #unackedBytes}; taken inside {@link #lock} or alone, never the other way. */
    private final Object unackedLock = new Object();
    private final SessionLimits limits;
    private final LongConsumer durableAcknowledged;
    private final long ackDelayNanos;
    /** Asked, with a delay in nanoseconds, to run {@link #flushAck} then. */
    private final LongConsumer flushAckIn;
    private final ArrayDeque<Unacked> unacked = new ArrayDeque<>();
    /** Changed only under the lock; volatile so that {@link #isLink} can read it without. */
    private volatile ClientLink link;
    /** Bytes queued in the current link's socket; each link gets its own counter. */
    private AtomicLong queued = new AtomicLong();
    private boolean closed;
    private long nextSeq = 1;
    private long unackedBytes;
    private volatile long lastSentNanos;
    /** The highest processed client number not yet acknowledged, or 0. */
    private long ackDue;
    private boolean ackFlushAsked;
    private long lastAckNanos;

    /**
     * A stream on {@code link} (null: none yet). Client frames are acknowledged as told in the
     * class comment, {@code ackDelayNanos} 0 acking each at once; {@code flushAckIn} is asked to
     * run {@link #flushAck} after a delay in nanoseconds.
     */
    Outbound(ClientLink link, SessionLimits limits, LongConsumer durableAcknowledged, long ackDelayNanos,
            LongConsumer flushAckIn, long nowNanos) {
        this.link = link;
        this.limits = limits;
        this.durableAcknowledged = durableAcknowledged;
        this.ackDelayNanos = ackDelayNanos;
        this.flushAckIn = flushAckIn;
        this.lastSentNanos = nowNanos;
        // nanoTime has an arbitrary origin: as if the last ack were a full delay ago, so the first is at once.
        this.lastAckNanos = nowNanos - ackDelayNanos;
    }

    /** Numbers, keeps and (when there is a link) writes a frame; {@code durableId} 0 when not durable. */
    Result deliver(PreparedFrame frame, long durableId) {
        synchronized (lock) {
            if (closed) {
                return Result.CLOSED;
            }
            long seq = nextSeq++;
            String text = frame.withSeq(seq);
            synchronized (unackedLock) {
                unacked.addLast(new Unacked(seq, text, durableId));
                unackedBytes += text.length();
                if (unacked.size() > limits.maxUnackedFrames() || unackedBytes > limits.maxUnackedBytes()) {
                    return Result.UNACKED_OVERFLOW;
                }
            }
            return link == null ? Result.BUFFERED : write(text);
        }
    }

    /** Writes a control frame now; it is dropped when there is no link (it only matters live). */
    Result sendControl(String text) {
        synchronized (lock) {
            return link == null ? Result.BUFFERED : write(text);
        }
    }

    /**
     * The client's frame numbered {@code seq} was processed, and whatever it produced for this
     * session written: acknowledges it now when no ack was written within the delay, otherwise
     * keeps the number for the flush at the end of the delay (asking for one if none is due).
     * Without a link the ack is dropped: a resumed session learns from its welcome how far the
     * hub got.
     */
    Result ackProcessed(long seq, long nowNanos) {
        synchronized (lock) {
            if (closed) {
                return Result.CLOSED;
            }
            if (link == null) {
                return Result.BUFFERED;
            }
            ackDue = Math.max(ackDue, seq);
            long sinceLastAck = nowNanos - lastAckNanos;
            if (sinceLastAck >= ackDelayNanos) {
                return writeAck(nowNanos);
            }
            if (!ackFlushAsked) {
                ackFlushAsked = true;
                flushAckIn.accept(ackDelayNanos - sinceLastAck);
            }
            return Result.DELAYED;
        }
    }

    /** Writes the ack held back, if it was not written meanwhile; runs when the delay has passed. */
    Result flushAck(long nowNanos) {
        synchronized (lock) {
            ackFlushAsked = false;
            if (ackDue == 0 || closed) {
                return closed ? Result.CLOSED : Result.SENT;
            }
            if (link == null) {
                ackDue = 0;
                return Result.BUFFERED;
            }
            return writeAck(nowNanos);
        }
    }

    /** Writes an ack of {@link #ackDue}. Called under the lock. */
    private Result writeAck(long nowNanos) {
        String text = FrameCodec.DEFAULT.encode(new Ack(ackDue));
        ackDue = 0;
        lastAckNanos = nowNanos;
        return write(text);
    }

    /** The client has everything up to {@code seq}: forget it, and tell which durable messages are delivered. */
    void acknowledged(long seq) {
        List<Long> delivered = null;
        synchronized (unackedLock) {
            while (!unacked.isEmpty() && unacked.peekFirst().seq() <= seq) {
                Unacked done = unacked.removeFirst();
                unackedBytes -= done.text().length();
                if (done.durableId() != 0) {
                    delivered = delivered == null ? new ArrayList<>() : delivered;
                    delivered.add(done.durableId());
                }
            }
        }
        // Storage work outside the lock: deliveries to this session must not wait on the database.
        if (delivered != null) {
            delivered.forEach(durableAcknowledged::accept);
        }
    }

    /**
     * Moves the stream to a new link: forgets what the client says it received up to
     * {@code lastSeq}, writes {@code first} (the welcome), then everything still unacknowledged,
     * in order. Frames delivered meanwhile wait on the lock, so nothing overtakes the replay.
     * The replay is bounded by the unacknowledged limits, so it is not held to maxPendingBytes.
     */
    Attached attach(ClientLink newLink, long lastSeq, String first) {
        acknowledged(lastSeq);
        synchronized (lock) {
            if (closed) {
                return new Attached(Result.CLOSED, null);
            }
            ClientLink replaced = link;
            link = newLink;
            queued = new AtomicLong();
            Result result = write(first);
            // No frame is added meanwhile (that takes the write lock, held here); acks may still remove some.
            List<Unacked> replay;
            synchronized (unackedLock) {
                replay = new ArrayList<>(unacked);
            }
            for (Unacked frame : replay) {
                if (result != Result.SENT) {
                    break;
                }
                result = replay(frame.text());
            }
            return new Attached(result, replaced == newLink ? null : replaced);
        }
    }

    /** Drops the link if it is {@code current}; returns whether it was. */
    boolean detach(ClientLink current) {
        synchronized (lock) {
            if (link != current || link == null) {
                return false;
            }
            link = null;
            queued = new AtomicLong();
            return true;
        }
    }

    /** Closes the stream for good; returns the link it had, to be closed by the caller, or null. */
    ClientLink close() {
        synchronized (lock) {
            closed = true;
            ClientLink had = link;
            link = null;
            return had;
        }
    }

    /**
     * Whether {@code candidate} is the link frames go to now. Asked for every frame received, so
     * it reads the volatile field instead of waiting for the lock, which a writer holds while it
     * writes to the socket; the answer can be outdated as soon as it is given either way.
     */
    boolean isLink(ClientLink candidate) {
        return candidate != null && link == candidate;
    }

    ClientLink link() {
        return link;
    }

    int unackedCount() {
        synchronized (unackedLock) {
            return unacked.size();
        }
    }

    long lastSentNanos() {
        return lastSentNanos;
    }

    /** Writes to the current link, held to maxPendingBytes. Called under the lock. */
    private Result write(String text) {
        AtomicLong counter = queued;
        long total = counter.addAndGet(text.length());
        if (total > limits.maxPendingBytes()) {
            counter.addAndGet(-text.length());
            return Result.QUEUE_OVERFLOW;
        }
        send(counter, text);
        return Result.SENT;
    }

    /** Writes a replayed frame: counted, but not refused, since the unacknowledged limits bound it. */
    private Result replay(String text) {
        AtomicLong counter = queued;
        counter.addAndGet(text.length());
        send(counter, text);
        return Result.SENT;
    }

    private void send(AtomicLong counter, String text) {
        lastSentNanos = System.nanoTime();
        // The counter is this link's own: a completion arriving after the link changed adjusts a
        // counter nobody reads any more, never the next link's.
        link.send(text, () -> counter.addAndGet(-text.length()), failure -> counter.addAndGet(-text.length()));
    }
}
