package dev.roadie.desktop.integration;

import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.desktop.integration.mpris.MprisPlayer;
import dev.roadie.desktop.integration.notify.TrackNotifier;
import dev.roadie.desktop.integration.theme.ColorSchemeFollower;
import dev.roadie.desktop.integration.tray.TrayControls;
import dev.roadie.desktop.settings.SettingsStore;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * tray, and light or dark following the desktop's colour scheme while running. Whatever the
 * desktop lacks is left out with one log line; the app works the same without it.
 *
 * <p>Joining the bus and the tray takes a few hundred milliseconds (AWT's toolkit, the bus's
 * handshake): it happens on a thread of its own, so the first frame does not wait for it, and
 * each part starts following the window's player once it is there.
 */
public final class DesktopIntegration implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DesktopIntegration.class);

    private final Stage stage;
    private final NotificationSetting setting;
    /** Whether notifications can be shown (a session bus): the bell shows only then. */
    private final ReadOnlyBooleanWrapper notifying = new ReadOnlyBooleanWrapper();
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("roadie-desktop-integration").daemon().factory());
    // Set on the JavaFX thread once started, and only read there.
    private DBusConnection bus;
    private MprisPlayer mpris;
    private TrackNotifier notifier;
    private TrayControls tray;
    private ColorSchemeFollower colorScheme;
    private PlayerViewModel player;

    private DesktopIntegration(Stage stage, SettingsStore settings) {
        this.stage = stage;
        this.setting = new NotificationSetting(settings);
    }

    /**
     * Starts joining the session bus of {@code env} and the tray; call on the JavaFX thread.
     *
     * @param settings       the app's settings, for the notification setting
     * @param onSystemDark     gets the desktop's light ({@code false}) or dark, at start and at each change
     */
    public static DesktopIntegration start(Stage stage, Map<String, String> env, SettingsStore settings,
            Consumer<Boolean> onSystemDark) {
        DesktopIntegration integration = new DesktopIntegration(stage, settings);
        integration.background.execute(() -> integration.join(env.get("DBUS_SESSION_BUS_ADDRESS"), onSystemDark));
        return integration;
    }

    /** On the background thread: what takes time, then the parts handed to the JavaFX thread. */
    private void join(String address, Consumer<Boolean> onSystemDark) {
        long started = System.nanoTime();
        DBusConnection connection = SessionBus.connect(address).orElse(null);
        MprisPlayer exported = connection == null ? null : mpris(connection);
        TrackNotifier notifications = connection == null ? null
                : new TrackNotifier(connection, background, setting.notifyOnTrackChange(), stage.focusedProperty());
        TrayControls.supported();
        Platform.runLater(() -> {
            bus = connection;
            mpris = exported;
            notifier = notifications;
            tray = TrayControls.install(Platform::runLater, window(stage)).orElse(null);
            if (tray != null) {
                // With the icon in the tray, closing the window hides it: Quit in the tray's menu ends the app.
                Platform.setImplicitExit(false);
            }
            notifying.set(notifier != null);
            follow(player);
            // What the desktop gave, in one line to read first when media keys or the tray do nothing.
            log.info("Desktop integration: MPRIS {}, notifications {}, tray icon {} (ready {} ms after it began, beside the first frame)",
                    on(mpris), on(notifier), on(tray), (System.nanoTime() - started) / 1_000_000);
        });
        if (connection != null) {
            // The portal may be started on demand by the bus: this waits for its first answer.
            ColorSchemeFollower follower = ColorSchemeFollower.follow(connection, Platform::runLater, onSystemDark)
                    .orElse(null);
            Platform.runLater(() -> colorScheme = follower);
        }
    }

    private static String on(Object part) {
        return part == null ? "off" : "on";
    }

    private MprisPlayer mpris(DBusConnection connection) {
        try {
            return MprisPlayer.export(connection, Platform::runLater, () -> raise(stage), Platform::exit);
        } catch (DBusException e) {
            log.warn("MPRIS: cannot offer the player on the session bus ({}): no media keys or playerctl",
                    e.getMessage());
            return null;
        }
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

    private static void raise(Stage stage) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
    }

    /** The bell that turns notifications on track change on and off, shown when there can be any. */
    public Node notificationToggle() {
        NotificationToggle bell = new NotificationToggle(setting.notifyOnTrackChange());
        bell.visibleProperty().bind(notifying.getReadOnlyProperty());
        bell.managedProperty().bind(bell.visibleProperty());
        return bell;
    }

    /** Follows the player of a new main window, or none (the pairing screen); on the JavaFX thread. */
    public void follow(PlayerViewModel now) {
        player = now;
        if (mpris != null) {
            mpris.follow(now);
        }
        if (notifier != null) {
            notifier.follow(now);
        }
        if (tray != null) {
            tray.follow(now);
        }
    }

    /** On the JavaFX thread, when the app stops. */
    @Override
    public void close() {
        background.shutdownNow();
        try {
            if (!background.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("The desktop integration was still starting when the app stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (mpris != null) {
            mpris.close();
        }
        if (notifier != null) {
            notifier.close();
        }
        if (tray != null) {
            tray.close();
        }
        if (colorScheme != null) {
            colorScheme.close();
        }
        if (bus != null) {
            bus.disconnect();
        }
    }
}
