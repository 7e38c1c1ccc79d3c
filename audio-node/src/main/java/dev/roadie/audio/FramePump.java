package dev.roadie.audio;

import dev.roadie.audio.session.Player;
import dev.roadie.audio.session.Sessions;
import dev.roadie.audio.voice.FrameCounter;

/**
 * Pulls the 20 ms frame of each playing player that has no voice connection, and drops it (a player
 * with one is pulled by its connection's clock). Pulling is what moves a track on, so positions,
 * end times and events are real before the bot has joined a channel too.
 */
final class FramePump implements Runnable {
    static final long FRAME_MS = 20;

    private final Sessions sessions;
    private final FrameCounter counter;

    FramePump(Sessions sessions, FrameCounter counter) {
        this.sessions = sessions;
        this.counter = counter;
    }

    @Override
    public void run() {
        for (Player player : sessions.players()) {
            if (player.isPlaying() && !player.hasVoice()) {
                counter.count(player.pullFrame() != null);
            }
        }
    }
}
