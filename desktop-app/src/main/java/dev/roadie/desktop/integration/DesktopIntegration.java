package dev.roadie.desktop.integration;

import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.desktop.integration.mpris.MprisPlayer;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app in the Linux desktop: an MPRIS player on the session bus (media keys,
 * {@code playerctl}, the shell's now-playing). Whatever the desktop lacks is left out with one
 * log line; the app works the same without it.
 */
public final class DesktopIntegration implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DesktopIntegration.class);

    private final Optional<DBusConnection> bus;
    private final MprisPlayer mpris;

    private DesktopIntegration(Optional<DBusConnection> bus, MprisPlayer mpris) {
        this.bus = bus;
        this.mpris = mpris;
    }

    /** Joins the session bus of {@code env}; call on the JavaFX thread. */
    public static DesktopIntegration start(Stage stage, Map<String, String> env) {
        Optional<DBusConnection> bus = SessionBus.connect(env.get("DBUS_SESSION_BUS_ADDRESS"));
        MprisPlayer mpris = bus.map(connection -> mpris(connection, stage)).orElse(null);
        return new DesktopIntegration(bus, mpris);
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
    }

    @Override
    public void close() {
        if (mpris != null) {
            mpris.close();
        }
        bus.ifPresent(DBusConnection::disconnect);
    }
}
