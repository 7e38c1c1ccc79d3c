package dev.roadie.companion.remote;

import dev.roadie.model.music.Track;
import java.time.Duration;

/** How lengths and track lines read on screen. */
public final class Formats {
    private Formats() {
    }

    /** {@code 3:22}, {@code 1:02:03}; empty for a stream or an unknown length. */
    public static String length(long ms) {
        if (ms <= 0) {
            return "";
        }
        Duration d = Duration.ofMillis(ms);
        return d.toHours() > 0 ? "%d:%02d:%02d".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : "%d:%02d".formatted(d.toMinutes(), d.toSecondsPart());
    }

    /** {@code Harbour Lights · Low Tide}: what is known of the artist and album. */
    public static String byline(Track track) {
        String artist = track.artist() == null ? "" : track.artist();
        String album = track.album() == null ? "" : track.album();
        return artist.isEmpty() ? album : album.isEmpty() ? artist : artist + " · " + album;
    }
}
