package dev.roadie.companion.remote;

import dev.roadie.model.music.Track;

/**
 * When two tracks are the same one. The bot's every event carries a new {@link Track}, and
 * a track found again may differ in artwork or length: the same address and title is the same
 * track (a second play of it too).
 */
public final class Tracks {
    private Tracks() {
    }

    /** Whether {@code a} and {@code b} are the same track; false when either is missing. */
    public static boolean same(Track a, Track b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    /** What tells the track apart, equal for the same track: to derive an id from (MPRIS's track id). */
    public static String key(Track track) {
        return track.uri() + "\n" + track.title();
    }
}
