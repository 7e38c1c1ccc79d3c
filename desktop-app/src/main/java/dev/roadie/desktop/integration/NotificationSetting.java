package dev.roadie.desktop.integration;

import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Whether a notification comes on track change (on by default), kept in
 * {@code desktop-integration.json} beside the app's other settings, saved at each change.
 */
public final class NotificationSetting {
    private static final Logger log = LoggerFactory.getLogger(NotificationSetting.class);
    static final String FILE_NAME = "desktop-integration.json";
    private static final String KEY = "notifyOnTrackChange";

    private final Path file;
    private final BooleanProperty notify = new SimpleBooleanProperty(true);

    /** Reads the setting kept in {@code folder} (the folder of {@code desktop.json}). */
    public NotificationSetting(Path folder) {
        this.file = folder.resolve(FILE_NAME);
        notify.set(read());
        notify.addListener((o, was, now) -> write(now));
    }

    public Path file() {
        return file;
    }

    /** On, a notification comes on track change. */
    public BooleanProperty notifyOnTrackChange() {
        return notify;
    }

    private boolean read() {
        if (!Files.exists(file)) {
            return true;
        }
        try {
            Map<?, ?> saved = FrameCodec.DEFAULT.mapper().readValue(Files.readString(file), Map.class);
            return !Boolean.FALSE.equals(saved.get(KEY));
        } catch (IOException | JacksonException e) {
            log.warn("Cannot read {} ({}): notifications on track change stay on; switching them saves it again",
                    file, e.getMessage());
            return true;
        }
    }

    private void write(boolean on) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".new");
            Files.writeString(temporary, FrameCodec.DEFAULT.mapper().writeValueAsString(Map.of(KEY, on)));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JacksonException e) {
            log.warn("Cannot save the notification setting in {} ({}): it is {} until the app quits", file,
                    e.getMessage(), on ? "on" : "off");
        }
    }
}
