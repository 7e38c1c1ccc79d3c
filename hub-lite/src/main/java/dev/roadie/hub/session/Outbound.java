package dev.roadie.hub.session;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * What the hub sends one session, in order. Each numbered frame gets the next sequence number
 * and stays buffered until the client acknowledges it, also while the session has no link, so
 * that a resumed session gets everything it missed. The buffer and the bytes queued in the
 * socket are bounded; going over either is reported to the caller, which cuts the client.
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
        QUEUE_OVERFLOW
    }

    private record Unacked(long seq, String text, long durableId) {
    }

    private final Object lock = new Object();
    private final SessionLimits limits;
    private final LongConsumer durableAcknowledged;
    private final ArrayDeque<Unacked> unacked = new ArrayDeque<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private ClientLink link;
    private long nextSeq = 1;
    private long unackedBytes;
    private volatile long lastSentNanos;

    Outbound(ClientLink link, SessionLimits limits, LongConsumer durableAcknowledged, long nowNanos) {
        this.link = link;
        this.limits = limits;
        this.durableAcknowledged = durableAcknowledged;
        this.lastSentNanos = nowNanos;
    }

    /** Numbers, keeps and (when there is a link) writes a frame; {@code durableId} 0 when not durable. */
    Result deliver(PreparedFrame frame, long durableId) {
        synchronized (lock) {
            long seq = nextSeq++;
            String text = frame.withSeq(seq);
            unacked.addLast(new Unacked(seq, text, durableId));
            unackedBytes += text.length();
            if (unacked.size() > limits.maxUnackedFrames() || unackedBytes > limits.maxUnackedBytes()) {
                return Result.UNACKED_OVERFLOW;
            }
            return link == null ? Result.BUFFERED : write(link, text);
        }
    }

    /** Writes a control frame now; it is dropped when there is no link (it only matters live). */
    Result sendControl(String text) {
        synchronized (lock) {
            return link == null ? Result.BUFFERED : write(link, text);
        }
    }

    /** The client has everything up to {@code seq}: forget it, and tell which durable messages are delivered. */
    void acknowledged(long seq) {
        synchronized (lock) {
            while (!unacked.isEmpty() && unacked.peekFirst().seq() <= seq) {
                Unacked done = unacked.removeFirst();
                unackedBytes -= done.text().length();
                if (done.durableId() != 0) {
                    durableAcknowledged.accept(done.durableId());
                }
            }
        }
    }

    /**
     * Moves the stream to a new link: forgets what the client says it received up to
     * {@code lastSeq}, writes {@code first} (the welcome), then everything still unacknowledged,
     * in order. Frames delivered meanwhile wait on the lock, so nothing overtakes the replay.
     */
    Result attach(ClientLink newLink, long lastSeq, String first) {
        acknowledged(lastSeq);
        synchronized (lock) {
            link = newLink;
            Result result = write(newLink, first);
            for (Unacked frame : unacked) {
                if (result != Result.SENT) {
                    break;
                }
                result = write(newLink, frame.text());
            }
            return result;
        }
    }

    /** Drops the link if it is {@code current}; returns whether it was. */
    boolean detach(ClientLink current) {
        synchronized (lock) {
            if (link != current || link == null) {
                return false;
            }
            link = null;
            queuedBytes.set(0);
            return true;
        }
    }

    ClientLink link() {
        synchronized (lock) {
            return link;
        }
    }

    int unackedCount() {
        synchronized (lock) {
            return unacked.size();
        }
    }

    long lastSentNanos() {
        return lastSentNanos;
    }

    private Result write(ClientLink target, String text) {
        long queued = queuedBytes.addAndGet(text.length());
        if (queued > limits.maxPendingBytes()) {
            queuedBytes.addAndGet(-text.length());
            return Result.QUEUE_OVERFLOW;
        }
        lastSentNanos = System.nanoTime();
        target.send(text, () -> released(target, text), failure -> released(target, text));
        return Result.SENT;
    }

    private void released(ClientLink from, String text) {
        // Bytes of a link already dropped were reset with it; only the current link's count matters.
        if (from == link) {
            queuedBytes.addAndGet(-text.length());
        }
    }
}
