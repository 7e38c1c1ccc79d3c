package dev.roadie.desktop;

import dev.roadie.companion.hub.SdkMusicHub;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.companion.pairing.PairingApi;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.desktop.hubs.HubMenu;
import dev.roadie.desktop.main.MainView;
import dev.roadie.desktop.hubs.HubsViewModel;
import dev.roadie.desktop.settings.SettingsStore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * What the window shows as hubs are paired, switched and forgotten: the main window over one
 * connection to the hub in use (closed before another is opened), or the pairing screen. The app
 * and the tests share it.
 */
public final class Shell implements HubsViewModel.Screens, AutoCloseable {
    private final PairingApi pairing;
    private final ScheduledExecutorService background;
    private final String deviceName;
    private final Consumer<Parent> show;
    private final HubsViewModel hubs;
    private final Consumer<PlayerViewModel> onPlayer;
    private final Supplier<Node> headerExtra;
    private SdkMusicHub hub;

    /**
     * @param deviceName the name offered when pairing, as the hub's owner will see it
     * @param show       puts a screen in the window
     */
    public Shell(SettingsStore store, PairingApi pairing, ScheduledExecutorService background, String deviceName,
            Consumer<Parent> show) {
        this(store, pairing, background, deviceName, show, player -> { }, () -> null);
    }

    /**
     * As above, for the desktop integration: {@code onPlayer} gets the main window's player, and
     * null when its connection closes; {@code headerExtra} makes a control for each main window's
     * top bar (null for none).
     */
    public Shell(SettingsStore store, PairingApi pairing, ScheduledExecutorService background, String deviceName,
            Consumer<Parent> show, Consumer<PlayerViewModel> onPlayer, Supplier<Node> headerExtra) {
        this.onPlayer = onPlayer;
        this.headerExtra = headerExtra;
        this.pairing = pairing;
        this.background = background;
        this.deviceName = deviceName;
        this.show = show;
        this.hubs = new HubsViewModel(store, this);
    }

    /** Shows the hub in use, or pairing on first run. */
    public void start() {
        hubs.start();
    }

    public HubsViewModel hubs() {
        return hubs;
    }

    @Override
    public void main(PairedHub paired) {
        disconnect();
        hub = SdkMusicHub.connect(paired, "roadie-desktop");
        MainView main = Screens.main(hub, paired.name() == null ? System.getProperty("user.name") : paired.name(),
                hubs::pairAgain, new HubMenu(hubs), onPlayer);
        Node extra = headerExtra.get();
        if (extra != null) {
            main.addToHeader(extra);
        }
        show.accept(main);
    }

    @Override
    public void pairing(String address, Runnable back) {
        disconnect();
        show.accept(Screens.pairing(pairing, background, deviceName, address, back, hubs::paired));
    }

    private void disconnect() {
        if (hub != null) {
            onPlayer.accept(null);
            hub.close();
            hub = null;
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
