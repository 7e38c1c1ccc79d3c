package dev.roadie.desktop;

import dev.roadie.companion.hub.MusicHub;
import dev.roadie.desktop.main.MainView;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.companion.remote.Remote;
import dev.roadie.companion.pairing.PairingApi;
import dev.roadie.desktop.pairing.PairingView;
import dev.roadie.companion.pairing.PairingViewModel;
import dev.roadie.companion.pairing.PairedHub;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;

/** Builds each screen with its ViewModel, wired to the JavaFX thread: the app and the view tests share it. */
public final class Screens {
    private Screens() {
    }

    public static Parent pairing(PairingApi api, ScheduledExecutorService background, String defaultName,
            Consumer<PairedHub> onPaired) {
        return pairing(api, background, defaultName, null, null, onPaired);
    }

    /**
     * The pairing screen with {@code address} filled in (null: the default); {@code back}, when
     * not null, is offered as a way back to the hub in use.
     */
    public static Parent pairing(PairingApi api, ScheduledExecutorService background, String defaultName,
            String address, Runnable back, Consumer<PairedHub> onPaired) {
        PairingViewModel model = new PairingViewModel(api, background, Platform::runLater, defaultName, onPaired);
        if (address != null) {
            model.hubAddress().set(address);
        }
        return new PairingView(model, back);
    }

    /**
     * The main window over {@code hub}; commands are sent as {@code requestedBy};
     * {@code onPairAgain} runs when the user asks to pair again after the hub refused the token.
     */
    public static MainView main(MusicHub hub, String requestedBy, Runnable onPairAgain) {
        return main(hub, requestedBy, onPairAgain, null, player -> { });
    }

    /** The main window with {@code hubMenu} (the hub picker; null for none) in its top bar. */
    public static MainView main(MusicHub hub, String requestedBy, Runnable onPairAgain, Node hubMenu) {
        return main(hub, requestedBy, onPairAgain, hubMenu, player -> { });
    }

    /** As above; {@code onPlayer} gets the window's player (for the desktop integration). */
    public static MainView main(MusicHub hub, String requestedBy, Runnable onPairAgain, Node hubMenu,
            Consumer<PlayerViewModel> onPlayer) {
        Remote remote = Remote.over(hub, Platform::runLater, requestedBy);
        remote.start();
        onPlayer.accept(remote.player());
        return new MainView(remote.main(), remote.search(), remote.player(), onPairAgain, hubMenu);
    }
}
