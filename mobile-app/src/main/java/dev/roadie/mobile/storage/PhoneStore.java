package dev.roadie.mobile.storage;

import com.gluonhq.attach.storage.StorageService;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.companion.storage.PrivateFile;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * The paired hub and its token, in the app's private storage (Attach {@code storage}: the app's
 * own folder on Android and iOS, which other apps cannot read; {@code ~/.gluon} on the desktop),
 * as a {@link PrivateFile}: owner-only where the file system has owners, replaced whole.
 */
public final class PhoneStore {
    static final String FILE = "roadie-hub.json";
    private final Path file;

    public PhoneStore(Path folder) {
        this.file = folder.resolve(FILE);
    }

    /** In the private storage Attach gives on this platform. */
    public static PhoneStore privateStorage() {
        Path folder = StorageService.create().flatMap(StorageService::getPrivateStorage).map(java.io.File::toPath)
                .orElseThrow(() -> new IllegalStateException(
                        "This platform gives the app no private storage (Attach storage found none): the token cannot be kept"));
        return new PhoneStore(folder);
    }

    public Path file() {
        return file;
    }

    /** The saved hub; empty before pairing. A file that cannot be read is an error with its path. */
    public Optional<PairedHub> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(FrameCodec.DEFAULT.mapper().readValue(Files.readString(file), PairedHub.class));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the saved hub in " + file + " (" + e.getMessage()
                    + "): pair again to replace it", e);
        }
    }

    public void save(PairedHub hub) {
        try {
            PrivateFile.write(file, FrameCodec.DEFAULT.mapper().writeValueAsString(hub));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the paired hub in " + file, e);
        }
    }

    /** Pair again: the token is gone from the phone. */
    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
