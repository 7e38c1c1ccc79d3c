package dev.roadie.desktop;

import dev.roadie.companion.hub.MusicHub;
import dev.roadie.desktop.main.MainView;
import dev.roadie.companion.remote.MainViewModel;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.companion.remote.SearchViewModel;
import dev.roadie.companion.pairing.PairingApi;
import dev.roadie.desktop.pairing.PairingView;
import dev.roadie.companion.pairing.PairingViewModel;
import dev.roadie.companion.pairing.PairedHub;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Parent;

/** Builds each screen with its ViewModel, wired to the JavaFX thread: the app and the view tests share it. */
public final class Screens {
    private Screens() {
    }

    public static Parent pairing(PairingApi api, ScheduledExecutorService background, String defaultName,
            Consumer<PairedHub> onPaired) {
        return new PairingView(new PairingViewModel(api, background, Platform::runLater, defaultName, onPaired));
    }

    /**
     * The main window over {@code hub}; commands are sent as {@code requestedBy};
     * {@code onPairAgain} runs when the user asks to pair again after the hub refused the token.
     */
    public static MainView main(MusicHub hub, String requestedBy, Runnable onPairAgain) {
        return main(hub, requestedBy, onPairAgain, player -> { });
    }

    /** As above; {@code onPlayer} gets the window's player (for the desktop integration). */
    public static MainView main(MusicHub hub, String requestedBy, Runnable onPairAgain,
            Consumer<PlayerViewModel> onPlayer) {
        MainViewModel main = new MainViewModel(hub, Platform::runLater);
        PlayerViewModel player = new PlayerViewModel(hub, Platform::runLater, Clock.systemUTC(), main.target());
        SearchViewModel search = new SearchViewModel(hub, Platform::runLater, main.target(), player::apply, requestedBy);
        main.start();
        onPlayer.accept(player);
        return new MainView(main, search, player, onPairAgain);
    }
}
