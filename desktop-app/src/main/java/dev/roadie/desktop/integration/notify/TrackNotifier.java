package dev.roadie.desktop.integration.notify;

import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.companion.remote.Tracks;
import dev.roadie.model.music.Track;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Subscription;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notification when the track changes (the title, and the artist), through the desktop's
 * notification server; each replaces the one before rather than piling up. Not while the
 * window has the focus (the person sees the track there), which also leaves out the track that
 * plays when the app opens.
 */
public final class TrackNotifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrackNotifier.class);

    private final DBusConnection bus;
    private final Executor background;
    private final ObservableBooleanValue enabled;
    private final ObservableBooleanValue windowFocused;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The last notification's id, replaced by the next; touched on the background thread only. */
    private UInt32 shown = new UInt32(0);
    private Subscription following = Subscription.EMPTY;

    /**
     * @param background where the calls to the server run (they wait for its answer)
     * @param enabled    the setting: off, nothing is shown
     */
    public TrackNotifier(DBusConnection bus, Executor background, ObservableBooleanValue enabled,
            ObservableBooleanValue windowFocused) {
        this.bus = bus;
        this.background = background;
        this.enabled = enabled;
        this.windowFocused = windowFocused;
    }

    /** Follows the player of a new main window, or none; on the UI thread. */
    public void follow(PlayerViewModel player) {
        following.unsubscribe();
        following = player == null ? Subscription.EMPTY : player.nowPlaying().subscribe((was, now) -> {
            if (now != null && enabled.get() && !windowFocused.get() && !Tracks.same(was, now)) {
                Track track = now;
                background.execute(() -> show(track));
            }
        });
    }


    private void show(Track track) {
        try {
            Notifications server = bus.getRemoteObject(Notifications.BUS_NAME, Notifications.OBJECT_PATH,
                    Notifications.class);
            shown = server.Notify("Roadie", shown, "audio-x-generic", track.title(),
                    track.artist() == null ? "" : track.artist(), List.of(),
                    Map.of("category", new Variant<>("x-gnome.music"), "desktop-entry", new Variant<>("roadie"),
                            "transient", new Variant<>(true)), -1);
        } catch (DBusException | DBusExecutionException e) {
            // No notification server (a bare window manager): said once, not at every track.
            if (warned.compareAndSet(false, true)) {
                log.warn("No notification on track change: the desktop's notification server did not answer ({})",
                        e.getMessage());
            } else {
                log.debug("No notification for {}: {}", track.title(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        following.unsubscribe();
    }
}
