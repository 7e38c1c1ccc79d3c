package dev.roadie.companion.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How the apps keep what they save (a token is a password for its hub): a file readable by its
 * owner only, replaced whole. The text goes to a temporary file beside it, created owner-only
 * before a byte is in it, which then moves over the old file, so that a crash leaves the old
 * file or the new one, never half of one.
 */
public final class PrivateFile {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PrivateFile() {
    }

    /**
     * Replaces {@code file} with {@code text}, creating its folder when missing. Owner-only where
     * the file system says who may read (Linux, macOS); Android's app folder is private anyway.
     */
    public static void write(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        String prefix = file.getFileName() + ".";
        Path temporary = folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(folder, prefix, ".new", OWNER_ONLY)
                : Files.createTempFile(folder, prefix, ".new");
        try {
            Files.writeString(temporary, text);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Some phone storage cannot rename atomically: a plain replace is the best it offers.
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException left) {
                e.addSuppressed(left);
            }
            throw e;
        }
    }
}
