package dev.roadie.desktop.integration;

import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.companion.remote.MainViewModel;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.desktop.testing.LiveMusic;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The window's player without the window: a real hub with the stand-in bot, the app's
 * {@link PlayerViewModel} on a UI thread of its own (as on the JavaFX thread in the app), the
 * bot and guild 1 chosen, and another companion to change things from elsewhere.
 */
final class LivePlayer implements AutoCloseable {
    final LiveMusic music;
    final RoadieClient bob;
    final ExecutorService ui = Executors.newSingleThreadExecutor();
    final PlayerViewModel player;

    LivePlayer(Path data) throws Exception {
        music = new LiveMusic(data);
        bob = music.companion();
        MainViewModel main = onUi(() -> new MainViewModel(music.desktop, ui));
        player = onUi(() -> new PlayerViewModel(music.desktop, ui, Clock.systemUTC(), main.target()));
        onUi(() -> {
            main.start();
            return null;
        });
        await().atMost(Clients.WAIT).until(() -> onUi(() -> main.target().get() != null));
    }

    <T> T onUi(Callable<T> work) throws Exception {
        return ui.submit(work).get();
    }

    static Track track(String title, String artist, long ms) {
        return new Track(title, artist, "Low Tide", ms, "https://example.org/" + title.replace(' ', '-'),
                "https://example.org/art/" + title.replace(' ', '-') + ".jpg", "test", null, true);
    }

    /** Another companion queues {@code track} at the end. */
    void add(Track track) {
        bob.requestBlocking(LiveMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Add("1", track, null,
                QueuePosition.END, "bob"), Clients.WAIT).orThrow();
    }

    /** Another companion skips. */
    void skip() {
        bob.requestBlocking(LiveMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Skip("1"), Clients.WAIT).orThrow();
    }

    /** What the bot plays, asked by another companion. */
    PlayerEvent.NowPlaying botPlaying() {
        return music.queueOf(bob, "1").nowPlaying();
    }

    @Override
    public void close() {
        music.close();
        ui.shutdown();
    }
}
