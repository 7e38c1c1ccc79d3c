package dev.roadie.desktop;

import dev.roadie.client.ClientOptions;
import dev.roadie.companion.hub.SdkMusicHub;
import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.companion.pairing.HubAddress;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.desktop.integration.DesktopIntegration;
import dev.roadie.desktop.main.MainView;
import dev.roadie.desktop.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app: the pairing screen on first run, the main window once paired. Started by
 * {@link Launcher}.
 */
public final class DesktopApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(DesktopApp.class);
    /** Overrides the settings file (tests, several profiles). */
    static final String SETTINGS_PROPERTY = "roadie.desktop.settings";

    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("roadie-pairing").daemon().factory());
    private SettingsStore store;
    private Stage stage;
    private SdkMusicHub hub;
    private DesktopIntegration integration;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        String override = System.getProperty(SETTINGS_PROPERTY);
        store = new SettingsStore(override != null ? Path.of(override)
                : SettingsStore.defaultFile(System.getenv(), System.getProperty("user.home")));
        Theme.apply(Theme.dark(System.getenv()));
        stage.setTitle("Roadie");
        stage.setMinWidth(560);
        stage.setMinHeight(420);
        stage.setOnShown(e -> logStartUp());
        integration = DesktopIntegration.start(stage, System.getenv(), store.file().getParent(),
                Theme.follower(System.getenv()));
        show(saved().map(this::mainScreen).orElseGet(this::pairingScreen));
        stage.show();
    }

    /** The saved settings; with a file the app cannot read it pairs again, and pairing replaces the file. */
    private java.util.Optional<PairedHub> saved() {
        try {
            return store.load();
        } catch (IllegalStateException e) {
            log.warn("{}: starting as on first run", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void show(Parent root) {
        if (stage.getScene() == null) {
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
        }
    }

    private Parent pairingScreen() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        String name = System.getProperty("user.name") + (host.isBlank() ? "" : "@" + host) + " (desktop)";
        return Screens.pairing(new HttpPairingApi(), background, name, settings -> {
            store.save(settings);
            log.info("Paired with {}; settings saved in {}", settings.hub(), store.file());
            show(mainScreen(settings));
        });
    }

    private Parent mainScreen(PairedHub settings) {
        hub = new SdkMusicHub(ClientOptions.builder().hub(HubAddress.parse(settings.hub()).socket())
                .token(settings.token()).clientName("roadie-desktop"));
        MainView main = Screens.main(hub, settings.name() == null ? System.getProperty("user.name") : settings.name(),
                this::pairAgain, integration::follow);
        main.addToHeader(integration.notificationToggle());
        return main;
    }

    private void pairAgain() {
        hub.close();
        hub = null;
        store.forget();
        integration.follow(null);
        show(pairingScreen());
    }

    private static void logStartUp() {
        // Process start to the first frame: the figure docs/PERFORMANCE.md reports.
        ProcessHandle.current().info().startInstant().ifPresent(started -> Platform.runLater(() ->
                log.info("First frame shown {} ms after the process started",
                        Duration.between(started, Instant.now()).toMillis())));
    }

    @Override
    public void stop() {
        if (hub != null) {
            hub.close();
        }
        background.shutdownNow();
        if (integration != null) {
            integration.close();
        }
    }
}
