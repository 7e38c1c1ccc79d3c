package dev.roadie.mobile.remote;

import dev.roadie.companion.hub.MusicHub;
import dev.roadie.companion.remote.MainViewModel;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.companion.remote.Problems;
import dev.roadie.companion.remote.Remote;
import dev.roadie.companion.remote.SearchViewModel;
import dev.roadie.companion.remote.Target;
import dev.roadie.mobile.intents.PhoneCommand;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link PhoneCommand} for the chosen bot and guild, through the companion's
 * ViewModels and {@link MusicHub}: a voice search is searched and its best match queued, a link
 * read and queued, a phrase's button pressed. A command that comes before a bot is chosen (the
 * app was started by the intent) waits for one. Runs on the UI thread.
 */
public final class CommandRunner {
    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
    /** The screen a command wants in front. */
    public enum Page { NOW_PLAYING, QUEUE, SEARCH }

    private final MusicHub hub;
    private final Executor ui;
    private final MainViewModel main;
    private final PlayerViewModel player;
    private final SearchViewModel search;
    private final String requestedBy;
    private final Consumer<PhoneCommand.Pair> onPair;

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Consumer<Page> show = page -> { };
    private final ReadOnlyObjectWrapper<Track> lastQueued = new ReadOnlyObjectWrapper<>();
    private PhoneCommand waiting;

    public CommandRunner(MusicHub hub, Executor ui, Remote remote, String requestedBy, Consumer<PhoneCommand.Pair> onPair) {
        this.hub = hub;
        this.ui = ui;
        this.main = remote.main();
        this.player = remote.player();
        this.search = remote.search();
        this.requestedBy = requestedBy;
        this.onPair = onPair;
        // What the phone did for an assistant or a share is worth a line in its log (logcat on Android).
        message.addListener((o, was, now) -> log.info("{}", now));
        this.main.target().addListener((o, was, now) -> {
            if (now != null && waiting != null) {
                PhoneCommand next = waiting;
                waiting = null;
                run(next);
            }
        });
    }

    public void run(PhoneCommand command) {
        if (command instanceof PhoneCommand.Pair pair) {
            onPair.accept(pair);
            return;
        }
        if (command instanceof PhoneCommand.Unusable unusable) {
            message.set(unusable.why());
            return;
        }
        Target target = main.target().get();
        if (target == null) {
            waiting = command;
            message.set("Waiting for a music bot to connect…");
            return;
        }
        switch (command) {
            case PhoneCommand.Play play -> play(target, play);
            case PhoneCommand.QueueLink link -> queueLink(target, link);
            case PhoneCommand.Search words -> {
                search.query().set(words.query());
                search.search();
                show.accept(Page.SEARCH);
                message.set("");
            }
            case PhoneCommand.Control control -> control(target, control.action());
            case PhoneCommand.Volume volume -> {
                int level = volume.change().applyTo(player.volume().get());
                player.volume(level);
                message.set("Volume " + level + "%");
            }
            case PhoneCommand.Pair pair -> onPair.accept(pair);
            case PhoneCommand.Unusable unusable -> message.set(unusable.why());
        }
    }

    private void play(Target target, PhoneCommand.Play play) {
        message.set("Looking for “" + play.query() + "”…");
        hub.search(play.query(), part -> { }).whenComplete((answer, failure) -> ui.execute(() -> {
            if (failure != null) {
                message.set("Search failed: " + Problems.words(failure));
                return;
            }
            BestMatch.pick(answer.tracks(), play).ifPresentOrElse(track -> add(target, track, play.position()),
                    () -> message.set("Nothing found for “" + play.query() + "”: try other words"));
        }));
    }

    private void queueLink(Target target, PhoneCommand.QueueLink link) {
        message.set("Reading the link…");
        hub.resolve(link.url()).whenComplete((answer, failure) -> ui.execute(() -> {
            if (failure != null || answer.track() == null) {
                message.set("Could not read the link: " + (failure == null ? "it names nothing to play" : Problems.words(failure)));
                return;
            }
            add(target, answer.track(), link.position());
        }));
    }

    private void add(Target target, Track track, QueuePosition position) {
        lastQueued.set(track);
        send(new PlayerCommand.Add(target.guild(), track, null, position, requestedBy), switch (position) {
            case NOW -> "Playing “" + track.title() + "”" + by(track);
            case NEXT -> "“" + track.title() + "”" + by(track) + " plays next";
            case END -> "Queued “" + track.title() + "”" + by(track);
        });
        show.accept(position == QueuePosition.NOW ? Page.NOW_PLAYING : Page.QUEUE);
    }

    private void control(Target target, PhoneCommand.Action action) {
        switch (action) {
            case SKIP -> send(new PlayerCommand.Skip(target.guild()), "Skipped");
            case PREVIOUS -> send(new PlayerCommand.Previous(target.guild()), "Back to the previous track");
            case PAUSE -> send(new PlayerCommand.Pause(target.guild()), "Paused");
            case RESUME -> send(new PlayerCommand.Resume(target.guild()), "Playing");
            case STOP -> send(new PlayerCommand.Stop(target.guild()), "Stopped");
            case CLEAR_QUEUE -> send(new PlayerCommand.Clear(target.guild()), "Queue cleared");
            case NOW_PLAYING -> {
                show.accept(Page.NOW_PLAYING);
                Track now = player.nowPlaying().get();
                message.set(now == null ? "Nothing is playing" : "Now playing “" + now.title() + "”" + by(now));
            }
        }
    }

    /** Through the player, which takes in the bot's answer; the words say what was done, or why not. */
    private void send(PlayerCommand command, String done) {
        player.send(command).whenComplete((ok, failure) -> message.set(failure == null ? done : Problems.words(failure)));
    }

    private static String by(Track track) {
        return track.artist() == null || track.artist().isBlank() ? "" : " by " + track.artist();
    }

    /** What the last command did, or why it could not: the screen shows it for a while. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** Who brings a command's screen to the front (the shell's tabs). */
    public void onPage(Consumer<Page> show) {
        this.show = show;
    }

    /** The track a voice search, share or link queued last. */
    public ReadOnlyObjectProperty<Track> lastQueued() {
        return lastQueued.getReadOnlyProperty();
    }
}
