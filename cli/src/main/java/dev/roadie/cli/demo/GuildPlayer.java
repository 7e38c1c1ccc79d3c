package dev.roadie.cli.demo;

import dev.roadie.client.RequestFailedException;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One guild's player, without audio: the tracks played, playing and queued, and a position
 * clock read from an {@link InstantSource}, so that a track ends when its length has passed.
 * <p>The tracks are one list with a cursor, as a playlist is: before the cursor the history
 * ({@code previous} goes back in it, repeat {@code all} starts over from its oldest track), at the
 * cursor what plays, after it the queue. A cursor at the end of the list means that nothing plays.
 * <p>Not thread-safe: {@link DemoBot} runs one command or clock check at a time.
 */
final class GuildPlayer {
    /** How many played tracks are kept for {@code previous} and repeat {@code all}. */
    static final int HISTORY_LIMIT = 100;
    /** Most track ends handled in one clock check: a clock that jumped far ahead must not spin here. */
    private static final int MAX_ENDS_PER_CHECK = 1000;

    /** What a command or a clock check changed, which says which event to publish. */
    enum Change {
        /** Nothing: a question, or a command that left everything as it was. */
        NONE,
        /** Only the state of what plays (paused, position, volume, repeat): a now-playing event. */
        NOW_PLAYING,
        /** The queue or the track that plays: a queue event. */
        QUEUE
    }

    private final String guild;
    private final InstantSource clock;
    private final Random random;
    private final List<Track> tracks = new ArrayList<>();
    private int cursor;
    /** Where playback was at {@link #positionAt}; while playing, it has gone on since. */
    private long positionMs;
    private Instant positionAt;
    private boolean paused;
    private int volume = 100;
    private RepeatMode repeat = RepeatMode.OFF;

    GuildPlayer(String guild, InstantSource clock, Random random) {
        this.guild = guild;
        this.clock = clock;
        this.random = random;
        this.positionAt = clock.instant();
    }

    /**
     * Carries out a command; an {@code add} must have its track resolved already.
     *
     * @throws RequestFailedException when the command cannot be done now; its message says why
     */
    Change apply(PlayerCommand command) {
        return switch (command) {
            case PlayerCommand.Add add -> add(add);
            case PlayerCommand.Remove remove -> {
                tracks.remove(queueIndex(remove.index(), "remove"));
                yield Change.QUEUE;
            }
            case PlayerCommand.Move move -> move(move);
            case PlayerCommand.Clear clear -> clear();
            case PlayerCommand.Pause pause -> pause();
            case PlayerCommand.Resume resume -> resume();
            case PlayerCommand.Skip skip -> skip();
            case PlayerCommand.Previous previous -> previous();
            case PlayerCommand.Stop stop -> stop();
            case PlayerCommand.Seek seek -> seek(seek.positionMs());
            case PlayerCommand.Volume change -> {
                volume = change.level();
                yield Change.NOW_PLAYING;
            }
            case PlayerCommand.Shuffle shuffle -> {
                Collections.shuffle(queue(), random);
                yield Change.QUEUE;
            }
            case PlayerCommand.Repeat change -> {
                repeat = change.mode();
                yield Change.NOW_PLAYING;
            }
            case PlayerCommand.NowPlaying ask -> Change.NONE;
            case PlayerCommand.ShowQueue ask -> Change.NONE;
        };
    }

    /**
     * Moves on when the playing track's length has passed: to the same track (repeat one), the
     * next one, the oldest kept one (repeat all at the end of the queue) or to nothing.
     *
     * @return {@link Change#QUEUE} when a track ended, else {@link Change#NONE}
     */
    Change checkTrackEnd() {
        Instant now = clock.instant();
        Change change = Change.NONE;
        for (int ends = 0; playing() && !paused && ends < MAX_ENDS_PER_CHECK; ends++) {
            long length = current().durationMs();
            // A stream or a track of unknown length (0) never ends by itself.
            Instant end = positionAt.plusMillis(length - positionMs);
            if (length <= 0 || now.isBefore(end)) {
                break;
            }
            if (repeat != RepeatMode.ONE) {
                advance();
            }
            startAt(end);
            change = Change.QUEUE;
        }
        return change;
    }

    /** The queue with what plays now, as the reply to every command and the body of queue events. */
    PlayerEvent.QueueSnapshot snapshot() {
        return new PlayerEvent.QueueSnapshot(guild, nowPlaying(), List.copyOf(queue()));
    }

    /** What plays now and where, as now-playing events tell it. */
    PlayerEvent.NowPlaying nowPlaying() {
        // Milliseconds are what positionMs counts in; more digits would only lengthen every event.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new PlayerEvent.NowPlaying(guild, playing() ? current() : null, position(now), now, paused, volume, repeat);
    }

    private Change add(PlayerCommand.Add add) {
        Track track = add.track();
        boolean wasPlaying = playing();
        switch (add.position()) {
            case END -> tracks.add(track);
            case NEXT, NOW -> tracks.add(wasPlaying ? cursor + 1 : tracks.size(), track);
        }
        if (!wasPlaying) {
            // The cursor stood at the end of the list, where the new track now is.
            startAt(clock.instant());
        } else if (add.position() == QueuePosition.NOW) {
            cursor++;
            trimHistory();
            startAt(clock.instant());
        }
        return Change.QUEUE;
    }

    private Change move(PlayerCommand.Move move) {
        int from = queueIndex(move.from(), "move");
        int to = queueIndex(move.to(), "move to");
        tracks.add(to, tracks.remove(from));
        return Change.QUEUE;
    }

    private Change clear() {
        if (queue().isEmpty()) {
            return Change.NONE;
        }
        queue().clear();
        return Change.QUEUE;
    }

    private Change pause() {
        requirePlaying("pause");
        if (paused) {
            return Change.NONE;
        }
        Instant now = clock.instant();
        positionMs = position(now);
        positionAt = now;
        paused = true;
        return Change.NOW_PLAYING;
    }

    private Change resume() {
        requirePlaying("resume");
        if (!paused) {
            return Change.NONE;
        }
        positionAt = clock.instant();
        paused = false;
        return Change.NOW_PLAYING;
    }

    private Change skip() {
        requirePlaying("skip");
        advance();
        startAt(clock.instant());
        return Change.QUEUE;
    }

    private Change previous() {
        if (cursor == 0) {
            throw new RequestFailedException("no-previous", "nothing has played before "
                    + (playing() ? "this track" : "now") + " in guild " + guild + ", so there is nothing to go back to");
        }
        cursor--;
        startAt(clock.instant());
        return Change.QUEUE;
    }

    private Change stop() {
        if (!playing()) {
            return Change.NONE;
        }
        queue().clear();
        cursor = tracks.size();
        trimHistory();
        startAt(clock.instant());
        return Change.QUEUE;
    }

    private Change seek(long to) {
        requirePlaying("seek");
        long length = current().durationMs();
        if (to < 0 || (length > 0 && to >= length)) {
            throw new RequestFailedException("bad-position", "'" + current().title() + "' is "
                    + clock(length) + " long: seek to a position from 0:00 to before " + clock(length)
                    + ", not " + (to < 0 ? "a negative one" : clock(to)));
        }
        positionMs = to;
        positionAt = clock.instant();
        return Change.NOW_PLAYING;
    }

    /** To the next track; at the end of the queue to the oldest kept track with repeat all, else to nothing. */
    private void advance() {
        cursor++;
        if (cursor >= tracks.size() && repeat == RepeatMode.ALL) {
            cursor = 0;
        }
        trimHistory();
    }

    /** Plays the track at the cursor from its start, as of {@code at}; a pause ends with the track. */
    private void startAt(Instant at) {
        positionMs = 0;
        positionAt = at;
        paused = false;
    }

    private void trimHistory() {
        int drop = cursor - HISTORY_LIMIT;
        if (drop > 0) {
            tracks.subList(0, drop).clear();
            cursor -= drop;
        }
    }

    private long position(Instant now) {
        if (!playing()) {
            return 0;
        }
        long position = paused ? positionMs : positionMs + Duration.between(positionAt, now).toMillis();
        long length = current().durationMs();
        return length > 0 ? Math.min(position, length) : position;
    }

    /** The index in {@link #tracks} of queue entry {@code index}, or a refusal that says which entries exist. */
    private int queueIndex(int index, String what) {
        int size = queue().size();
        if (index < 0 || index >= size) {
            throw new RequestFailedException("no-such-entry", "cannot " + what + " queue entry " + index + ": the queue"
                    + " of guild " + guild + (size == 0 ? " is empty" : " has entries 0 to " + (size - 1)));
        }
        return cursor + 1 + index;
    }

    private void requirePlaying(String what) {
        if (!playing()) {
            throw new RequestFailedException("nothing-playing", "nothing is playing in guild " + guild
                    + ", so there is nothing to " + what + ": add a track first");
        }
    }

    private boolean playing() {
        return cursor < tracks.size();
    }

    private Track current() {
        return tracks.get(cursor);
    }

    /** The tracks after the one playing, as a live view; empty when nothing plays. */
    private List<Track> queue() {
        return playing() ? tracks.subList(cursor + 1, tracks.size()) : tracks.subList(tracks.size(), tracks.size());
    }

    private static String clock(long millis) {
        long seconds = millis / 1000;
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
