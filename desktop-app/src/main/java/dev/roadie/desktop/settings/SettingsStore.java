package dev.roadie.desktop.settings;

import dev.roadie.companion.pairing.PairedHub;

import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The settings file, {@code desktop.json} in the user's config folder: the paired hubs and the
 * one in use ({@link DesktopSettings}). It holds tokens, so it is written readable by its owner
 * only (0600), through a temporary file so that a crash never leaves half a file. A file of the
 * single-hub shape written before several hubs were kept ({@code {"hub":..,"token":..,"name":..}})
 * still reads, as that one hub in use.
 */
public final class SettingsStore {
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
    public DesktopSettings load() {
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

    public void save(DesktopSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            // Created 0600 rather than narrowed after writing: the token is never readable by others.
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, FrameCodec.DEFAULT.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(settings));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
