package dev.roadie.mobile;

import dev.roadie.companion.hub.MusicHub;
import dev.roadie.companion.hub.SdkMusicHub;
import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.companion.pairing.PairingViewModel;
import dev.roadie.companion.remote.Remote;
import dev.roadie.mobile.intents.IncomingIntent;
import dev.roadie.mobile.intents.IntentReader;
import dev.roadie.mobile.intents.PhoneCommand;
import dev.roadie.mobile.pairing.InviteViewModel;
import dev.roadie.mobile.pairing.PairingScreen;
import dev.roadie.mobile.platform.IncomingIntentsService;
import dev.roadie.mobile.remote.CommandRunner;
import dev.roadie.mobile.screens.PhoneShell;
import dev.roadie.mobile.storage.PhoneStore;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one window: pairing until a hub is saved, then the remote. Every intent handed to
 * the app comes here and becomes a command: a pairing link pairs, anything else waits for the
 * remote (the app may have been started by it, before it is paired or connected).
 */
public final class PhoneRoot extends StackPane {
    private static final Logger log = LoggerFactory.getLogger(PhoneRoot.class);

    private final PhoneStore store;
    private final Function<PairedHub, MusicHub> connect;
    private final HttpPairingApi pairingApi;
    private final ScheduledExecutorService background;
    private final String deviceName;
    private final IntentReader reader = IntentReader.english();

    private MusicHub hub;
    private CommandRunner runner;
    private InviteViewModel invite;
    private PhoneCommand waiting;

    public PhoneRoot(PhoneStore store, IncomingIntentsService intents, Function<PairedHub, MusicHub> connect,
            HttpPairingApi pairingApi, ScheduledExecutorService background, String deviceName) {
        this.store = store;
        this.connect = connect;
        this.pairingApi = pairingApi;
        this.background = background;
        this.deviceName = deviceName;
        getStyleClass().add("phone-root");
        saved().ifPresentOrElse(this::showRemote, this::showPairing);
        intents.listen(intent -> Platform.runLater(() -> handle(intent)));
    }

    /** Over the Java SDK, with the saved token: what the app uses outside tests. */
    public static MusicHub sdk(PairedHub paired) {
        return SdkMusicHub.connect(paired, "roadie-phone");
    }

    private Optional<PairedHub> saved() {
        try {
            return store.load();
        } catch (IllegalStateException e) {
            log.warn("{}: starting as on first run", e.getMessage());
            return Optional.empty();
        }
    }

    /** An intent from the platform, on the JavaFX thread. */
    void handle(IncomingIntent intent) {
        PhoneCommand command = reader.read(intent);
        log.info("Intent {} {} read as {}", intent.action(), intent.data() == null ? "" : intent.data(), command);
        if (command instanceof PhoneCommand.Pair pair) {
            pair(pair);
        } else if (runner == null) {
            waiting = command;
        } else {
            runner.run(command);
        }
    }

    private void pair(PhoneCommand.Pair pair) {
        if (runner != null) {
            // Already paired: an invite link replaces the hub, as the user opened it on purpose.
            forget();
        }
        invite.open(pair.hub(), pair.code());
    }

    private void showPairing() {
        invite = new InviteViewModel(pairingApi, background, Platform::runLater, deviceName, this::paired);
        PairingViewModel device = new PairingViewModel(pairingApi, background, Platform::runLater, deviceName, this::paired);
        getChildren().setAll(new PairingScreen(invite, device));
    }

    private void paired(PairedHub paired) {
        store.save(paired);
        log.info("Paired with {}; the token is kept in {}", paired.hub(), store.file());
        showRemote(paired);
    }

    private void showRemote(PairedHub paired) {
        hub = connect.apply(paired);
        String requestedBy = paired.name() == null ? "phone" : paired.name();
        Remote remote = Remote.over(hub, Platform::runLater, requestedBy);
        runner = new CommandRunner(hub, Platform::runLater, remote, requestedBy, this::pair);
        remote.start();
        getChildren().setAll(new PhoneShell(remote.main(), remote.player(), remote.search(), runner, this::pairAgain));
        if (waiting != null) {
            PhoneCommand first = waiting;
            waiting = null;
            runner.run(first);
        }
    }

    private void pairAgain() {
        forget();
    }

    private void forget() {
        if (hub instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Could not close the connection to the hub", e);
            }
        }
        hub = null;
        runner = null;
        store.forget();
        showPairing();
    }

    /** The connection, for the app to close on exit. */
    public void close() {
        if (hub instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Could not close the connection to the hub", e);
            }
        }
    }
}
