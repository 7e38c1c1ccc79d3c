package dev.roadie.companion.remote;

import dev.roadie.companion.hub.MusicHub;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The remote's ViewModels over one hub, wired as both apps use them: the player and search act
 * on the bot and guild chosen in {@link MainViewModel}, and a track search queues shows in the
 * player at once. {@link #start()} once the views (and whoever else listens) are attached.
 *
 * @param main   the connection, and the bot and guild chosen
 * @param player the queue and what plays
 * @param search search and queueing
 */
public record Remote(MainViewModel main, PlayerViewModel player, SearchViewModel search) {

    /** The ViewModels over {@code hub}, changing on {@code ui}; commands are sent as {@code requestedBy}. */
    public static Remote over(MusicHub hub, Executor ui, String requestedBy) {
        MainViewModel main = new MainViewModel(hub, ui);
        PlayerViewModel player = new PlayerViewModel(hub, ui, Clock.systemUTC(), main.target());
        SearchViewModel search = new SearchViewModel(hub, ui, main.target(), player::apply, requestedBy);
        return new Remote(main, player, search);
    }

    /** Starts following the connection and the registry's bots. */
    public void start() {
        main.start();
    }
}
