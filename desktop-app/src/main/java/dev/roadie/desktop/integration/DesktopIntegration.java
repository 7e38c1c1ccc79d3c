package dev.roadie.desktop.integration;

import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.desktop.integration.mpris.MprisPlayer;
import dev.roadie.desktop.integration.notify.TrackNotifier;
import dev.roadie.desktop.integration.theme.ColorSchemeFollower;
import dev.roadie.desktop.integration.tray.TrayControls;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app in the Linux desktop: an MPRIS player on the session bus (media keys,
 * {@code playerctl}, the shell's now-playing), a notification on track change, an icon in the
 * tray, and light or dark following the desktop's colour scheme while running. Whatever the desktop lacks is left out with one log line; the app works the same
 * without it.
 */
public final class DesktopIntegration implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DesktopIntegration.class);

    private final Optional<DBusConnection> bus;
    private final MprisPlayer mpris;
    private final NotificationSetting setting;
    private final TrackNotifier notifier;
    private final TrayControls tray;
    private volatile ColorSchemeFollower colorScheme;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("roadie-desktop-integration").daemon().factory());

    private DesktopIntegration(Stage stage, Optional<DBusConnection> bus, Path settingsFolder,
            Consumer<Boolean> onSystemDark) {
        this.bus = bus;
        this.mpris = bus.map(connection -> mpris(connection, stage)).orElse(null);
        this.setting = new NotificationSetting(settingsFolder);
        this.notifier = bus.map(connection -> new TrackNotifier(connection, background, setting.notifyOnTrackChange(),
                stage.focusedProperty())).orElse(null);
        this.tray = TrayControls.install(Platform::runLater, window(stage)).orElse(null);
        if (tray != null) {
            // With the icon in the tray, closing the window hides it: Quit in the tray's menu ends the app.
            Platform.setImplicitExit(false);
        }
        // The portal may be started on demand by the bus: its first answer is not waited for here.
        bus.ifPresent(connection -> background.execute(() -> colorScheme = ColorSchemeFollower.follow(connection,
                Platform::runLater, onSystemDark).orElse(null)));
    }

    private static TrayControls.Window window(Stage stage) {
        return new TrayControls.Window() {
            @Override
            public ObservableBooleanValue showing() {
                return stage.showingProperty();
            }

            @Override
            public void show() {
                raise(stage);
            }

            @Override
            public void hide() {
                stage.hide();
            }

            @Override
            public void quit() {
                Platform.exit();
            }
        };
    }

    /**
     * Joins the session bus of {@code env}; call on the JavaFX thread.
     *
     * @param settingsFolder where the app's settings are, for the notification setting
     * @param onSystemDark     gets the desktop's light ({@code false}) or dark, at start and at each change
     */
    public static DesktopIntegration start(Stage stage, Map<String, String> env, Path settingsFolder,
            Consumer<Boolean> onSystemDark) {
        return new DesktopIntegration(stage, SessionBus.connect(env.get("DBUS_SESSION_BUS_ADDRESS")), settingsFolder,
                onSystemDark);
    }

    /** The bell that turns notifications on track change on and off, when there can be any. */
    public Optional<Node> notificationToggle() {
        return notifier == null ? Optional.empty() : Optional.of(new NotificationToggle(setting.notifyOnTrackChange()));
    }

    private static MprisPlayer mpris(DBusConnection bus, Stage stage) {
        try {
            return MprisPlayer.export(bus, Platform::runLater, () -> raise(stage), Platform::exit);
        } catch (DBusException e) {
            log.warn("MPRIS: cannot offer the player on the session bus ({}): no media keys or playerctl",
                    e.getMessage());
            return null;
        }
    }

    private static void raise(Stage stage) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
    }

    /** Follows the player of a new main window, or none (the pairing screen); on the JavaFX thread. */
    public void follow(PlayerViewModel player) {
        if (mpris != null) {
            mpris.follow(player);
        }
        if (notifier != null) {
            notifier.follow(player);
        }
        if (tray != null) {
            tray.follow(player);
        }
    }

    @Override
    public void close() {
        if (mpris != null) {
            mpris.close();
        }
        if (notifier != null) {
            notifier.close();
        }
        if (tray != null) {
            tray.close();
        }
        background.shutdownNow();
        if (colorScheme != null) {
            colorScheme.close();
        }
        bus.ifPresent(DBusConnection::disconnect);
    }
}
