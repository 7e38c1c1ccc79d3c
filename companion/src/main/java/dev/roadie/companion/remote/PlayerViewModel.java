package dev.roadie.companion.remote;

import dev.roadie.companion.hub.MusicHub;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue and the now-playing bar of the chosen bot and guild: kept in step by the bot's
 * {@code player.GUILD} events, and by the bot's answer to each command at once.
 */
public final class PlayerViewModel {
    private static final Logger log = LoggerFactory.getLogger(PlayerViewModel.class);

    private final MusicHub hub;
    private final Executor ui;
    private final Clock clock;

    private final ObservableList<Track> queue = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Track> nowPlaying = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper volume = new ReadOnlyIntegerWrapper(100);
    private final ReadOnlyObjectWrapper<RepeatMode> repeat = new ReadOnlyObjectWrapper<>(RepeatMode.OFF);
    private final ReadOnlyLongWrapper updates = new ReadOnlyLongWrapper();
    /** Where playback was, and when (by this computer's clock: the event's arrival). */
    private long positionMs;
    private Instant positionSeen = Instant.EPOCH;
    private Target target;
    private AutoCloseable following;

    public PlayerViewModel(MusicHub hub, Executor ui, Clock clock, ReadOnlyObjectProperty<Target> target) {
        this.hub = hub;
        this.ui = ui;
        this.clock = clock;
        target.addListener((o, was, now) -> follow(now));
        follow(target.get());
    }

    private void follow(Target now) {
        if (following != null) {
            try {
                following.close();
            } catch (Exception e) {
                log.warn("Could not stop following the player of {}", target, e);
            }
            following = null;
        }
        target = now;
        queue.clear();
        nowPlaying.set(null);
        paused.set(false);
        updated();
        if (now == null) {
            return;
        }
        following = hub.followPlayer(now.guild(), event -> ui.execute(() -> apply(event)));
        send(new PlayerCommand.ShowQueue(now.guild()));
    }

    /** Takes in an event or the bot's answer (only those of the guild followed). */
    public void apply(PlayerEvent event) {
        if (target == null || !target.guild().equals(event.guild())) {
            return;
        }
        switch (event) {
            case PlayerEvent.QueueSnapshot snapshot -> {
                queue.setAll(snapshot.queue());
                if (snapshot.nowPlaying() != null) {
                    applyNowPlaying(snapshot.nowPlaying());
                }
            }
            case PlayerEvent.NowPlaying now -> applyNowPlaying(now);
        }
        updated();
    }

    private void updated() {
        updates.set(updates.get() + 1);
    }

    private void applyNowPlaying(PlayerEvent.NowPlaying now) {
        // The position first: listeners of the properties below read position() (MPRIS's Seeked).
        positionMs = now.positionMs();
        positionSeen = clock.instant();
        nowPlaying.set(now.track());
        paused.set(now.paused());
        volume.set(now.volume());
        repeat.set(now.repeat());
    }

    /** Where playback is now: the last known position plus the time since, while it plays. */
    public Duration position() {
        Track track = nowPlaying.get();
        if (track == null) {
            return Duration.ZERO;
        }
        long at = positionMs + (paused.get() ? 0 : Duration.between(positionSeen, clock.instant()).toMillis());
        return Duration.ofMillis(track.durationMs() > 0 ? Math.min(at, track.durationMs()) : at);
    }

    public void pauseOrResume() {
        if (target != null) {
            send(paused.get() ? new PlayerCommand.Resume(target.guild()) : new PlayerCommand.Pause(target.guild()));
        }
    }

    /** Resumes when paused; nothing when it plays (MPRIS's Play, a media key). */
    public void play() {
        if (target != null && paused.get()) {
            send(new PlayerCommand.Resume(target.guild()));
        }
    }

    /** Pauses when it plays; nothing when paused. */
    public void pause() {
        if (target != null && !paused.get() && nowPlaying.get() != null) {
            send(new PlayerCommand.Pause(target.guild()));
        }
    }

    /** Stops playing and empties the queue. */
    public void stop() {
        if (target != null) {
            send(new PlayerCommand.Stop(target.guild()));
        }
    }

    /** Jumps to {@code at} in the track that plays, kept within the track. */
    public void seek(Duration at) {
        Track track = nowPlaying.get();
        if (target != null && track != null && track.durationMs() > 0) {
            send(new PlayerCommand.Seek(target.guild(), Math.clamp(at.toMillis(), 0, track.durationMs() - 1)));
        }
    }

    public void skip() {
        if (target != null) {
            send(new PlayerCommand.Skip(target.guild()));
        }
    }

    public void previous() {
        if (target != null) {
            send(new PlayerCommand.Previous(target.guild()));
        }
    }

    public void clear() {
        if (target != null) {
            send(new PlayerCommand.Clear(target.guild()));
        }
    }

    /** Puts the queue in a random order, once. */
    public void shuffle() {
        if (target != null) {
            send(new PlayerCommand.Shuffle(target.guild()));
        }
    }

    /** Off, then all, then one, then off again: the order music players use. */
    public void nextRepeatMode() {
        if (target != null) {
            RepeatMode next = switch (repeat.get()) {
                case OFF -> RepeatMode.ALL;
                case ALL -> RepeatMode.ONE;
                case ONE -> RepeatMode.OFF;
            };
            send(new PlayerCommand.Repeat(target.guild(), next));
        }
    }

    /** Sets what happens when a track ends (MPRIS's LoopStatus). */
    public void repeat(RepeatMode mode) {
        if (target != null && mode != repeat.get()) {
            send(new PlayerCommand.Repeat(target.guild(), mode));
        }
    }

    /** Sets the volume, 100 unchanged (as Lavalink), kept within the bot's 0 to 1000. */
    public void volume(int level) {
        if (target != null && level != volume.get()) {
            send(new PlayerCommand.Volume(target.guild(), Math.clamp(level, 0, 1000)));
        }
    }

    /** Jumps to {@code fraction} (0 to 1) of the track that plays. */
    public void seekTo(double fraction) {
        Track track = nowPlaying.get();
        if (target != null && track != null && track.durationMs() > 0) {
            long at = (long) (Math.clamp(fraction, 0, 1) * (track.durationMs() - 1));
            send(new PlayerCommand.Seek(target.guild(), at));
        }
    }

    public void remove(int index) {
        if (target != null && index >= 0) {
            send(new PlayerCommand.Remove(target.guild(), index));
        }
    }

    public void move(int from, int to) {
        if (target != null && from >= 0 && to >= 0 && from != to) {
            send(new PlayerCommand.Move(target.guild(), from, to));
        }
    }

    /** Plays queue entry {@code index} now: it moves to the front, then the bot skips to it. */
    public void playNow(int index) {
        if (target == null || index < 0) {
            return;
        }
        String guild = target.guild();
        Target asked = target;
        hub.command(asked.bot(), new PlayerCommand.Move(guild, index, 0))
                .thenCompose(moved -> hub.command(asked.bot(), new PlayerCommand.Skip(guild)))
                .whenComplete((snapshot, failure) -> ui.execute(() -> answered(snapshot, failure)));
    }

    /**
     * Sends {@code command} (for the guild followed) to the bot followed: its answer updates the
     * queue at once, a refusal sets {@link #problem()}. The result completes on the UI thread
     * after that, or fails with the refusal (words for it: {@link Problems#words}); with no bot
     * followed it fails at once, nothing sent. The buttons above use it; so do the phone's voice
     * commands, whose words say what was done.
     */
    public CompletableFuture<Void> send(PlayerCommand command) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (target == null) {
            done.completeExceptionally(new IllegalStateException(
                    "Choose a bot and a server first: no music bot is connected to the hub"));
            return done;
        }
        hub.command(target.bot(), command).whenComplete((snapshot, failure) -> ui.execute(() -> {
            answered(snapshot, failure);
            if (failure != null) {
                done.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                done.complete(null);
            }
        }));
        return done;
    }

    private void answered(PlayerEvent.QueueSnapshot snapshot, Throwable failure) {
        if (failure != null) {
            problem.set(Problems.words(failure));
            return;
        }
        problem.set("");
        apply(snapshot);
    }

    /** The queue, next first. */
    public ObservableList<Track> queue() {
        return queue;
    }

    public ReadOnlyObjectProperty<Track> nowPlaying() {
        return nowPlaying.getReadOnlyProperty();
    }

    /** The bot's volume, 100 unchanged. */
    public ReadOnlyIntegerProperty volume() {
        return volume.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RepeatMode> repeat() {
        return repeat.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty paused() {
        return paused.getReadOnlyProperty();
    }

    /**
     * Changes once for each event or answer taken in (and each guild followed), after every
     * property above has its new value: for those who show the whole player (MPRIS, the tray),
     * to update once rather than once for each property that changed, and to see an event that
     * changed none of them (a seek: the same track at a new position).
     */
    public ReadOnlyLongProperty updates() {
        return updates.getReadOnlyProperty();
    }

    /** The bot's last refusal, in its words; empty after a command it accepted. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }
}
