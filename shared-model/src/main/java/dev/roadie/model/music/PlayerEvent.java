package dev.roadie.model.music;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * What a music bot tells the companions, as messages on topic {@code player.GUILD} with
 * subject {@code player.event}, and as replies to {@link PlayerCommand}s.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlayerEvent.NowPlaying.class, name = "now-playing"),
    @JsonSubTypes.Type(value = PlayerEvent.QueueSnapshot.class, name = "queue"),
})
public sealed interface PlayerEvent {

    /** The subject of player event messages. */
    String SUBJECT = "player.event";

    /** The topic a guild's player events are published on. */
    static String topic(String guild) {
        return "player." + guild;
    }

    /** The guild this is about. */
    String guild();

    /**
     * The current track and where playback is.
     *
     * @param track      what plays, or null when nothing does
     * @param positionMs how far into {@code track} playback was at {@code positionAt}
     * @param positionAt when {@code positionMs} was taken, by the bot's clock; null when the bot does
     *                   not say (then take the time the event arrived). While a track plays and is
     *                   not paused, its position now is {@code positionMs} plus the time since then.
     * @param paused     whether playback is paused
     * @param volume     0-1000, 100 is unchanged
     * @param repeat     what happens when the track ends; {@link RepeatMode#OFF} (left out of the JSON) when absent
     */
    record NowPlaying(String guild, Track track, long positionMs, Instant positionAt, boolean paused, int volume,
            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RepeatMode.OffIsDefault.class)
            RepeatMode repeat) implements PlayerEvent {

        public NowPlaying {
            repeat = repeat == null ? RepeatMode.OFF : repeat;
        }

        /** A now-playing without a clock time and without repeat, as bots wrote it before those existed. */
        public NowPlaying(String guild, Track track, long positionMs, boolean paused, int volume) {
            this(guild, track, positionMs, null, paused, volume, RepeatMode.OFF);
        }
    }

    /** The whole queue, next first, with what is playing. */
    record QueueSnapshot(String guild, NowPlaying nowPlaying, List<Track> queue) implements PlayerEvent {
        public QueueSnapshot {
            queue = queue == null ? List.of() : List.copyOf(queue);
        }
    }
}
