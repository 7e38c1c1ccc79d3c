package dev.roadie.model.music;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What companions ask a music bot to do, as the body of a request with subject
 * {@code player.command} to {@code one:music-bot} or {@code service:music-bot/NAME}. The bot
 * replies with a {@link PlayerEvent.QueueSnapshot} or an error.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "command")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlayerCommand.Add.class, name = "add"),
    @JsonSubTypes.Type(value = PlayerCommand.Remove.class, name = "remove"),
    @JsonSubTypes.Type(value = PlayerCommand.Move.class, name = "move"),
    @JsonSubTypes.Type(value = PlayerCommand.Clear.class, name = "clear"),
    @JsonSubTypes.Type(value = PlayerCommand.Pause.class, name = "pause"),
    @JsonSubTypes.Type(value = PlayerCommand.Resume.class, name = "resume"),
    @JsonSubTypes.Type(value = PlayerCommand.Skip.class, name = "skip"),
    @JsonSubTypes.Type(value = PlayerCommand.Previous.class, name = "previous"),
    @JsonSubTypes.Type(value = PlayerCommand.Stop.class, name = "stop"),
    @JsonSubTypes.Type(value = PlayerCommand.Seek.class, name = "seek"),
    @JsonSubTypes.Type(value = PlayerCommand.Volume.class, name = "volume"),
    @JsonSubTypes.Type(value = PlayerCommand.Shuffle.class, name = "shuffle"),
    @JsonSubTypes.Type(value = PlayerCommand.Repeat.class, name = "repeat"),
    @JsonSubTypes.Type(value = PlayerCommand.NowPlaying.class, name = "now-playing"),
    @JsonSubTypes.Type(value = PlayerCommand.ShowQueue.class, name = "queue"),
})
public sealed interface PlayerCommand {

    /** The Discord guild (server) whose player this is about. */
    String guild();

    /** The subject of requests that carry player commands. */
    String SUBJECT = "player.command";

    /** Queue a track (or the first result for {@code query} when there is no track). */
    record Add(String guild, Track track, String query, QueuePosition position, String requestedBy)
            implements PlayerCommand {
        public Add {
            if (track == null && (query == null || query.isBlank())) {
                throw new IllegalArgumentException("add needs a track or a query");
            }
            position = position == null ? QueuePosition.END : position;
        }
    }

    /** Remove the queue entry at {@code index} (0 is the next to play). */
    record Remove(String guild, int index) implements PlayerCommand {
    }

    /** Move a queue entry. */
    record Move(String guild, int from, int to) implements PlayerCommand {
    }

    /** Empty the queue; what is playing goes on. */
    record Clear(String guild) implements PlayerCommand {
    }

    /** Pause playback. */
    record Pause(String guild) implements PlayerCommand {
    }

    /** Resume playback. */
    record Resume(String guild) implements PlayerCommand {
    }

    /** Skip to the next track. */
    record Skip(String guild) implements PlayerCommand {
    }

    /** Play the track that played before this one again; what is playing becomes the next in the queue. */
    record Previous(String guild) implements PlayerCommand {
    }

    /** Stop playing and empty the queue. */
    record Stop(String guild) implements PlayerCommand {
    }

    /** Jump to a position in the current track. */
    record Seek(String guild, long positionMs) implements PlayerCommand {
    }

    /** Set the volume (0-1000, 100 is unchanged, as in Lavalink). */
    record Volume(String guild, int level) implements PlayerCommand {
        public Volume {
            if (level < 0 || level > 1000) {
                throw new IllegalArgumentException("volume must be between 0 and 1000, got " + level);
            }
        }
    }

    /** Put the queue in a random order, once; what is playing goes on. */
    record Shuffle(String guild) implements PlayerCommand {
    }

    /** Choose what happens when a track ends. */
    record Repeat(String guild, RepeatMode mode) implements PlayerCommand {
        public Repeat {
            if (mode == null) {
                throw new IllegalArgumentException("repeat needs a mode: off, one or all");
            }
        }
    }

    /** Ask what is playing. */
    record NowPlaying(String guild) implements PlayerCommand {
    }

    /** Ask for the queue. */
    record ShowQueue(String guild) implements PlayerCommand {
    }
}
