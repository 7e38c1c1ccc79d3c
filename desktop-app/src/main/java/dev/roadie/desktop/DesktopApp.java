package dev.roadie.desktop;

import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.desktop.integration.DesktopIntegration;
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
import javafx.scene.image.Image;
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
    private Stage stage;
    private Shell shell;
    private DesktopIntegration integration;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        String override = System.getProperty(SETTINGS_PROPERTY);
        SettingsStore store = new SettingsStore(override != null ? Path.of(override)
                : SettingsStore.defaultFile(System.getenv(), System.getProperty("user.home")));
        Theme.apply(Theme.dark(System.getenv()));
        stage.setTitle("Roadie");
        stage.getIcons().add(new Image(DesktopApp.class.getResource("roadie-256.png").toExternalForm()));
        stage.setMinWidth(560);
        stage.setMinHeight(420);
        stage.setOnShown(e -> logStartUp());
        integration = DesktopIntegration.start(stage, System.getenv(), store,
                Theme.follower(System.getenv()));
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        String name = System.getProperty("user.name") + (host.isBlank() ? "" : "@" + host) + " (desktop)";
        shell = new Shell(store, new HttpPairingApi(), background, name, this::show, integration::follow,
                integration::notificationToggle);
        shell.start();
        stage.show();
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

    private static void logStartUp() {
        // Process start to the first frame: the figure docs/PERFORMANCE.md reports.
        ProcessHandle.current().info().startInstant().ifPresent(started -> Platform.runLater(() ->
                log.info("First frame shown {} ms after the process started",
                        Duration.between(started, Instant.now()).toMillis())));
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        background.shutdownNow();
        if (integration != null) {
            integration.close();
        }
    }
}
