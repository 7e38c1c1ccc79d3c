package dev.roadie.desktop.integration.mpris;

import dev.roadie.companion.remote.Tracks;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;

/**
 * What the player shows, in MPRIS's words: read on the UI thread, then handed to D-Bus threads.
 *
 * @param track  what plays, or null
 * @param volume the bot's volume, 100 as the track is
 */
record MprisState(Track track, boolean paused, int volume, RepeatMode repeat) {
    static final MprisState NOTHING = new MprisState(null, false, 100, RepeatMode.OFF);
    /** MPRIS's "no track" id. */
    static final DBusPath NO_TRACK = new DBusPath("/org/mpris/MediaPlayer2/TrackList/NoTrack");

    String playbackStatus() {
        return track == null ? "Stopped" : paused ? "Paused" : "Playing";
    }

    String loopStatus() {
        return switch (repeat) {
            case OFF -> "None";
            case ONE -> "Track";
            case ALL -> "Playlist";
        };
    }

    static RepeatMode repeatOf(String loopStatus) {
        return switch (loopStatus) {
            case "None" -> RepeatMode.OFF;
            case "Track" -> RepeatMode.ONE;
            case "Playlist" -> RepeatMode.ALL;
            default -> throw new IllegalArgumentException("LoopStatus is None, Track or Playlist, not " + loopStatus);
        };
    }

    /** MPRIS's volume is 1.0 for the track as it is: the bot's 100. */
    double mprisVolume() {
        return volume / 100.0;
    }

    /**
     * An id for the track that plays, the same for the same track ({@link Tracks}): a second
     * play of it counts as the same track, which is what SetPosition needs.
     */
    DBusPath trackId() {
        if (track == null) {
            return NO_TRACK;
        }
        return new DBusPath("/dev/roadie/track/t" + Integer.toHexString(Tracks.key(track).hashCode()));
    }

    Map<String, Variant<?>> metadata() {
        Map<String, Variant<?>> metadata = new LinkedHashMap<>();
        metadata.put("mpris:trackid", new Variant<>(trackId()));
        if (track == null) {
            return metadata;
        }
        metadata.put("xesam:title", new Variant<>(track.title()));
        if (track.artist() != null) {
            metadata.put("xesam:artist", new Variant<>(List.of(track.artist()), "as"));
        }
        if (track.album() != null) {
            metadata.put("xesam:album", new Variant<>(track.album()));
        }
        if (track.durationMs() > 0) {
            metadata.put("mpris:length", new Variant<>(track.durationMs() * 1000));
        }
        if (track.artworkUrl() != null) {
            metadata.put("mpris:artUrl", new Variant<>(track.artworkUrl()));
        }
        if (track.uri() != null) {
            metadata.put("xesam:url", new Variant<>(track.uri()));
        }
        return metadata;
    }

    boolean canPlay() {
        return track != null;
    }

    boolean canSeek() {
        return track != null && track.durationMs() > 0;
    }

    /** The player's properties that PropertiesChanged announces (Position is read, never announced). */
    Map<String, Variant<?>> announced() {
        Map<String, Variant<?>> properties = new LinkedHashMap<>();
        properties.put("PlaybackStatus", new Variant<>(playbackStatus()));
        properties.put("LoopStatus", new Variant<>(loopStatus()));
        properties.put("Metadata", new Variant<>(metadata(), "a{sv}"));
        properties.put("Volume", new Variant<>(mprisVolume()));
        properties.put("CanGoNext", new Variant<>(canPlay()));
        properties.put("CanGoPrevious", new Variant<>(canPlay()));
        properties.put("CanPlay", new Variant<>(canPlay()));
        properties.put("CanPause", new Variant<>(canPlay()));
        properties.put("CanSeek", new Variant<>(canSeek()));
        return properties;
    }
}
