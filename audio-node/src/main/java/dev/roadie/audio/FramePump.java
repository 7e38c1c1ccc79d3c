package dev.roadie.audio;

import dev.roadie.audio.session.Player;
import dev.roadie.audio.session.Sessions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pulls each playing player's 20 ms frame, as a voice connection would, and drops it: there is no
 * voice connection yet. Pulling is what moves a track on, so positions, end times and events are
 * real. Counts the frames for {@code frameStats}.
 */
final class FramePump implements Runnable {
    static final long FRAME_MS = 20;

    private final Sessions sessions;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong nulled = new AtomicLong();
    private final AtomicLong playerTicks = new AtomicLong();

    FramePump(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void run() {
        for (Player player : sessions.players()) {
            if (!player.isPlaying()) {
                continue;
            }
            playerTicks.incrementAndGet();
            if (player.pullFrame() != null) {
                sent.incrementAndGet();
            } else {
                nulled.incrementAndGet();
            }
        }
    }

    /**
     * Frames per playing player since the last call, as Lavalink's {@code frameStats}: sent,
     * nulled, and the deficit against the 20 ms frames the window held; null with nobody playing.
     */
    FrameCounts takeCounts(long windowMs) {
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
        return new FrameCounts(sentEach, nulledEach, Math.max(0, expectedPerPlayer - sentEach - nulledEach));
    }

    record FrameCounts(long sent, long nulled, long deficit) {
    }
}
