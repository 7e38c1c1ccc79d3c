package dev.roadie.audio.voice;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the 20 ms frames pulled from playing players, whichever thread pulls them (a voice
 * connection's clock, or the node's own pump for a player with no voice yet), for Lavalink's
 * {@code frameStats}.
 */
public final class FrameCounter {
    private static final long FRAME_MS = 20;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong nulled = new AtomicLong();
    private final AtomicLong playerTicks = new AtomicLong();

    /** One playing player's tick: a frame was there to send, or not. */
    public void count(boolean hadFrame) {
        playerTicks.incrementAndGet();
        (hadFrame ? sent : nulled).incrementAndGet();
    }

    /**
     * Frames per playing player since the last call: sent, nulled, and the deficit against the
     * 20 ms frames the window held; null with nobody playing.
     */
    public Counts take(long windowMs) {
        long ticks = playerTicks.getAndSet(0);
        long sentFrames = sent.getAndSet(0);
        long nulledFrames = nulled.getAndSet(0);
        if (ticks == 0) {
            return null;
        }
        long expectedPerPlayer = windowMs / FRAME_MS;
        double players = Math.max(1.0, (double) ticks / Math.max(1, expectedPerPlayer));
        long sentEach = Math.round(sentFrames / players);
        long nulledEach = Math.round(nulledFrames / players);
        return new Counts(sentEach, nulledEach, Math.max(0, expectedPerPlayer - sentEach - nulledEach));
    }

    /** Lavalink's {@code frameStats} fields. */
    public record Counts(long sent, long nulled, long deficit) {
    }
}
