package dev.roadie.desktop.integration.theme;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Light or dark as the desktop says now and after each change: the XDG desktop portal's
 * {@code org.freedesktop.appearance color-scheme} (1 prefers dark; 0, no preference, and 2 are
 * light), which GNOME, KDE Plasma and others publish. At start, "no preference" leaves the
 * theme {@code Theme} chose from the environment. JavaFX 21 cannot ask the platform itself.
 */
public final class ColorSchemeFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ColorSchemeFollower.class);

    private final AutoCloseable subscription;

    private ColorSchemeFollower(AutoCloseable subscription) {
        this.subscription = subscription;
    }

    /**
     * Tells {@code onDark} (on the UI thread) the desktop's scheme now, then at each change;
     * empty, with one log line, when the desktop has no portal to ask. It waits for the portal's
     * answer: call it off the UI thread.
     */
    public static Optional<ColorSchemeFollower> follow(DBusConnection bus, Executor ui, Consumer<Boolean> onDark) {
        AutoCloseable subscription = null;
        try {
            subscription = bus.addSigHandler(PortalSettings.SettingChanged.class, signal -> {
                if (PortalSettings.APPEARANCE.equals(signal.getNamespace())
                        && PortalSettings.COLOR_SCHEME.equals(signal.getKey())) {
                    boolean dark = scheme(signal.getValue()) == 1;
                    log.info("The desktop's colour scheme changed: {}", dark ? "dark" : "light");
                    ui.execute(() -> onDark.accept(dark));
                }
            });
            PortalSettings portal = bus.getRemoteObject(PortalSettings.BUS_NAME, PortalSettings.OBJECT_PATH,
                    PortalSettings.class);
            int scheme = scheme(read(portal));
            // No preference at start: the guess Theme made (GTK_THEME, gsettings) stands.
            if (scheme != 0) {
                ui.execute(() -> onDark.accept(scheme == 1));
            }
            return Optional.of(new ColorSchemeFollower(subscription));
        } catch (DBusException | DBusExecutionException e) {
            new ColorSchemeFollower(subscription).close();
            log.info("No desktop portal to follow light and dark while running ({}): the theme chosen at start stays",
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static Variant<?> read(PortalSettings portal) {
        try {
            return portal.ReadOne(PortalSettings.APPEARANCE, PortalSettings.COLOR_SCHEME);
        } catch (DBusExecutionException olderPortal) {
            return portal.Read(PortalSettings.APPEARANCE, PortalSettings.COLOR_SCHEME);
        }
    }

    /** 0 no preference, 1 prefers dark, 2 prefers light; the value may come wrapped in variants ({@code Read} adds one). */
    static int scheme(Object value) {
        Object inner = value;
        while (inner instanceof Variant<?> variant) {
            inner = variant.getValue();
        }
        return inner instanceof UInt32 scheme ? scheme.intValue() : inner instanceof Number n ? n.intValue() : 0;
    }

    @Override
    public void close() {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            log.debug("Could not stop following the colour scheme: {}", e.getMessage(), e);
        }
    }
}
