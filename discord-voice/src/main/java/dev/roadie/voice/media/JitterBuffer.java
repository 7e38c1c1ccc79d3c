package dev.roadie.voice.media;

import java.util.TreeMap;

/**
 * One sender's frames between arrival and play-out: puts them back in sequence order, holds
 * them a fixed number of ticks so that a late or reordered packet still makes its turn, and
 * says at each tick which frame plays, or that one was lost. Counts what it lost, what came
 * too late to play, and duplicates. Thread-safe: the receiving thread offers, the play-out
 * thread polls.
 */
final class JitterBuffer {

    /** What one tick gives: a frame, a loss (a later frame is here, this one is not), or nothing. */
    sealed interface Slot permits Frame, Lost, Idle {
    }

    record Frame(byte[] frame) implements Slot {
    }

    record Lost() implements Slot {
    }

    record Idle() implements Slot {
    }

    static final Slot LOST = new Lost();
    static final Slot IDLE = new Idle();

    /** Empty ticks after which the sender is taken to have paused, and the next packet buffers again. */
    static final int PAUSE_TICKS = 10;
    /**
     * A gap in the sequence longer than this is not concealed frame by frame (which would play
     * seconds of made-up audio after a sender's sequence jumped) but skipped: play goes on at
     * the next frame there is.
     */
    static final int MAX_CONCEALED_GAP = 10;
    /**
     * Late frames in a row after which the sender is taken to have restarted its sequence lower
     * (a rejoin under the same SSRC), and the buffer starts over rather than drop them all.
     */
    static final int RESTART_AFTER_LATE = 10;

    private final int delayTicks;
    private final TreeMap<Long, byte[]> frames = new TreeMap<>();
    private long highest = -1;
    private long next = -1;
    private boolean playing;
    private int waited;
    private int emptyTicks;
    private int lateInARow;
    private long received;
    private long lost;
    private long late;
    private long duplicates;

    /** @param delayTicks ticks a talk spurt's first frame waits before it plays */
    JitterBuffer(int delayTicks) {
        this.delayTicks = delayTicks;
    }

    /** Takes an arriving frame; returns false when it is too late to play or a duplicate. */
    synchronized boolean offer(int sequence, byte[] frame) {
        long extended = extend(sequence);
        if (playing && extended < next) {
            late++;
            if (++lateInARow < RESTART_AFTER_LATE) {
                return false;
            }
            frames.clear();
            playing = false;
            waited = 0;
            highest = -1;
            extended = extend(sequence);
        }
        lateInARow = 0;
        if (frames.putIfAbsent(extended, frame) != null) {
            duplicates++;
            return false;
        }
        received++;
        highest = Math.max(highest, extended);
        return true;
    }

    /** The frame for this tick. */
    synchronized Slot poll() {
        if (!playing) {
            if (frames.isEmpty()) {
                return IDLE;
            }
            if (++waited < delayTicks && frames.size() < delayTicks) {
                return IDLE;
            }
            playing = true;
            waited = 0;
            next = frames.firstKey();
        }
        byte[] frame = frames.remove(next);
        if (frame != null) {
            next++;
            emptyTicks = 0;
            return new Frame(frame);
        }
        if (!frames.isEmpty()) {
            long gap = frames.firstKey() - next;
            if (gap > MAX_CONCEALED_GAP) {
                next = frames.firstKey();
                emptyTicks = 0;
                return new Frame(frames.remove(next++));
            }
            next++;
            lost++;
            return LOST;
        }
        if (++emptyTicks >= PAUSE_TICKS) {
            playing = false;
            emptyTicks = 0;
        }
        return IDLE;
    }

    /** The 16-bit sequence as a number that keeps counting past 65535: the one nearest the highest seen. */
    private long extend(int sequence) {
        if (highest < 0) {
            return sequence + (1L << 16);
        }
        int delta = (short) (sequence - (int) (highest & 0xFFFF));
        return highest + delta;
    }

    synchronized long received() {
        return received;
    }

    synchronized long lost() {
        return lost;
    }

    synchronized long late() {
        return late;
    }

    synchronized long duplicates() {
        return duplicates;
    }
}
