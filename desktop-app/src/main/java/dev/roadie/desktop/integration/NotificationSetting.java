package dev.roadie.desktop.integration;

import dev.roadie.desktop.settings.SettingsStore;
import java.io.UncheckedIOException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a notification comes on track change (on by default), kept in the app's settings
 * file ({@link SettingsStore}), saved at each change.
 */
public final class NotificationSetting {
    private static final Logger log = LoggerFactory.getLogger(NotificationSetting.class);

    private final BooleanProperty notify = new SimpleBooleanProperty(true);

    /** Reads the setting kept in {@code store}. */
    public NotificationSetting(SettingsStore store) {
        notify.set(store.notifyOnTrackChange());
        notify.addListener((o, was, now) -> {
            try {
                store.notifyOnTrackChange(now);
            } catch (UncheckedIOException e) {
                log.warn("Cannot save the notification setting ({}): it is {} until the app quits", e.getMessage(),
                        now ? "on" : "off");
            }
        });
    }

    /** On, a notification comes on track change. */
    public BooleanProperty notifyOnTrackChange() {
        return notify;
    }
}
