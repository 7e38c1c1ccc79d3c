package dev.roadie.client.internal;

import dev.roadie.client.OutboxFullException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The numbered frames not yet acknowledged by the hub, in the order of their numbers, and the
 * queue of those still to be written on the current link. Limits are reserved in the caller's
 * thread (so a full outbox refuses a send at once); everything else runs in the protocol loop.
 */
final class Outbox {
    private final int frameLimit;
    private final long byteLimit;
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    /** By id, in sequence order: frames are added with growing numbers and renumbered in order. */
    private final Map<String, OutgoingFrame> pending = new LinkedHashMap<>();
    private final ArrayDeque<OutgoingFrame> toWrite = new ArrayDeque<>();
    private long nextSeq = 1;

    Outbox(int frameLimit, long byteLimit) {
        this.frameLimit = frameLimit;
        this.byteLimit = byteLimit;
    }

    /** Reserves room for an application frame, or throws at once. Any thread. */
    void reserve(OutgoingFrame frame) {
        if (frames.incrementAndGet() > frameLimit) {
            frames.decrementAndGet();
            throw new OutboxFullException(frameLimit + " frames already wait for the hub's confirmation (the outbox limit):"
                    + " the hub is unreachable or slow; wait for the connection, or raise ClientOptions outboxLimit");
        }
        if (bytes.addAndGet(frame.size) > byteLimit) {
            bytes.addAndGet(-frame.size);
            frames.decrementAndGet();
            throw new OutboxFullException("the frames waiting for the hub's confirmation would exceed " + byteLimit
                    + " bytes (the outbox limit): the hub is unreachable or slow; wait for the connection, or raise"
                    + " ClientOptions outboxLimit");
        }
    }

    /** Gives back the room of a frame that will not be added after all. Any thread. */
    void unreserve(OutgoingFrame frame) {
        if (frame.counted) {
            frames.decrementAndGet();
            bytes.addAndGet(-frame.size);
        }
    }

    /** Numbers the frame in the current session and queues it for writing. */
    void add(OutgoingFrame frame) {
        frame.number(nextSeq++);
        pending.put(frame.id(), frame);
        toWrite.add(frame);
    }

    /** The next frame to write, or null. */
    OutgoingFrame peekToWrite() {
        OutgoingFrame next = toWrite.peek();
        while (next != null && (next.done || next.written)) {
            toWrite.poll();
            next = toWrite.peek();
        }
        return next;
    }

    /** Marks the frame returned by {@link #peekToWrite()} as written. */
    void written(OutgoingFrame frame) {
        frame.written = true;
        toWrite.remove(frame);
    }

    /** Removes and returns every frame numbered up to {@code seq}: the hub acknowledged them. */
    List<OutgoingFrame> acknowledge(long seq) {
        List<OutgoingFrame> acked = new ArrayList<>();
        Iterator<OutgoingFrame> it = pending.values().iterator();
        while (it.hasNext()) {
            OutgoingFrame frame = it.next();
            if (frame.seq > seq) {
                break;
            }
            it.remove();
            finish(frame);
            acked.add(frame);
        }
        return acked;
    }

    /** The pending frame with this id, or null. */
    OutgoingFrame find(String id) {
        return id == null ? null : pending.get(id);
    }

    /** Drops a frame that is no longer wanted (its request expired). */
    void remove(OutgoingFrame frame) {
        if (pending.remove(frame.id()) != null) {
            finish(frame);
        }
    }

    /** A resumed session: the hub keeps its numbers, so every pending frame is written again with the same one. */
    void rewriteAll() {
        toWrite.clear();
        for (OutgoingFrame frame : pending.values()) {
            frame.written = false;
            toWrite.add(frame);
        }
    }

    /**
     * Numbers every pending frame again from {@code nextSeq} on, after {@code first}, and queues
     * them all: a new session (numbering from 1) or frames the hub dropped unprocessed.
     */
    void renumber(boolean fromOne, List<OutgoingFrame> first) {
        if (fromOne) {
            nextSeq = 1;
        }
        List<OutgoingFrame> all = new ArrayList<>(first);
        all.addAll(pending.values());
        pending.clear();
        toWrite.clear();
        for (OutgoingFrame frame : all) {
            add(frame);
        }
    }

    /** Removes and returns everything, for a client that closes. */
    List<OutgoingFrame> drain() {
        List<OutgoingFrame> all = new ArrayList<>(pending.values());
        pending.clear();
        toWrite.clear();
        all.forEach(this::finish);
        return all;
    }

    int size() {
        return pending.size();
    }

    /** The highest number given in this session. */
    long lastSeq() {
        return nextSeq - 1;
    }

    private void finish(OutgoingFrame frame) {
        if (!frame.done) {
            frame.done = true;
            unreserve(frame);
        }
    }
}
