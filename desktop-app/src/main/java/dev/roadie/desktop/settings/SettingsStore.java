package dev.roadie.desktop.settings;

import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.companion.storage.PrivateFile;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The settings file, {@code desktop.json} in the user's config folder: the paired hubs and the
 * one in use ({@link DesktopSettings}), and whether a notification comes on track change. It
 * holds tokens, so it is a {@link PrivateFile}: owner-only, replaced whole. A file of the
 * single-hub shape written before several hubs were kept ({@code {"hub":..,"token":..,"name":..}})
 * still reads, as that one hub in use; so does the notification setting of the
 * {@code desktop-integration.json} that older versions kept beside it.
 */
public final class SettingsStore {
    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);
    private static final String NOTIFY = "notifyOnTrackChange";
    /** Where versions before the setting joined this file kept it, beside this file. */
    static final String OLD_NOTIFY_FILE = "desktop-integration.json";

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /**
     * Where the settings live: {@code $XDG_CONFIG_HOME/roadie/desktop.json}, else
     * {@code ~/.config/roadie/desktop.json} (the XDG base directory rules).
     */
    public static Path defaultFile(Map<String, String> env, String home) {
        String config = env.get("XDG_CONFIG_HOME");
        // The XDG rules ignore a relative XDG_CONFIG_HOME.
        Path base = config != null && !config.isBlank() && Path.of(config).isAbsolute()
                ? Path.of(config) : Path.of(home, ".config");
        return base.resolve("roadie").resolve("desktop.json");
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or {@link DesktopSettings#EMPTY} when the app has not paired yet. */
    public synchronized DesktopSettings load() {
        if (!Files.exists(file)) {
            return DesktopSettings.EMPTY;
        }
        try {
            JsonNode saved = FrameCodec.DEFAULT.mapper().readTree(Files.readString(file));
            if (!saved.has("hubs") && saved.has("hub")) {
                return DesktopSettings.EMPTY.paired(FrameCodec.DEFAULT.mapper().treeToValue(saved, PairedHub.class));
            }
            return FrameCodec.DEFAULT.mapper().treeToValue(saved, DesktopSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a settings file the app can read (" + e.getMessage()
                    + "): delete it to pair again", e);
        }
    }

    /** Saves the hubs; the other settings in the file stay as they are. */
    public synchronized void save(DesktopSettings settings) {
        ObjectNode json = saved();
        // The single-hub shape's fields go: the hub they named is in the list now.
        json.remove("hub");
        json.remove("token");
        json.remove("name");
        // Set one by one: the mapper leaves out an empty list and a null, which would keep the old ones.
        json.set("hubs", FrameCodec.DEFAULT.mapper().valueToTree(settings.hubs()));
        if (settings.current() == null) {
            json.remove("current");
        } else {
            json.put("current", settings.current());
        }
        write(json);
    }

    /** Whether a notification comes on track change: on unless turned off, also when the file cannot be read. */
    public synchronized boolean notifyOnTrackChange() {
        JsonNode value = readable(file).path(NOTIFY);
        if (value.isMissingNode()) {
            // Not turned off since the setting moved here: as it was in the older file, if any.
            value = readable(file.resolveSibling(OLD_NOTIFY_FILE)).path(NOTIFY);
        }
        return !value.isBoolean() || value.booleanValue();
    }

    /** Saves whether a notification comes on track change; the hubs in the file stay as they are. */
    public synchronized void notifyOnTrackChange(boolean on) {
        ObjectNode json = saved();
        json.put(NOTIFY, on);
        write(json);
        try {
            // Its one setting is in this file now.
            Files.deleteIfExists(file.resolveSibling(OLD_NOTIFY_FILE));
        } catch (IOException e) {
            log.warn("Cannot delete the older {} ({}): the setting in {} wins over it", OLD_NOTIFY_FILE,
                    e.getMessage(), file);
        }
    }

    /** What the file holds now, to change a part of it; a file that cannot be read is written over. */
    private ObjectNode saved() {
        return readable(file) instanceof ObjectNode json ? json : FrameCodec.DEFAULT.mapper().createObjectNode();
    }

    private static JsonNode readable(Path path) {
        if (!Files.exists(path)) {
            return FrameCodec.DEFAULT.mapper().missingNode();
        }
        try {
            return FrameCodec.DEFAULT.mapper().readTree(Files.readString(path));
        } catch (IOException | JacksonException e) {
            log.warn("Cannot read {} ({}): its settings are taken as unset, and the next change writes it again",
                    path, e.getMessage());
            return FrameCodec.DEFAULT.mapper().missingNode();
        }
    }

    private void write(ObjectNode json) {
        try {
            PrivateFile.write(file, FrameCodec.DEFAULT.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
