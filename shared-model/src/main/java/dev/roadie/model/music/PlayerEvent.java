package dev.roadie.model.music;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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

    /** The current track and where playback is; {@code track} null when nothing plays. */
    record NowPlaying(String guild, Track track, long positionMs, boolean paused, int volume)
            implements PlayerEvent {
    }

    /** The whole queue, next first, with what is playing. */
    record QueueSnapshot(String guild, NowPlaying nowPlaying, List<Track> queue) implements PlayerEvent {
        public QueueSnapshot {
            queue = queue == null ? List.of() : List.copyOf(queue);
        }
    }
}
