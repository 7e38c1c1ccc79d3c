package dev.roadie.certs.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that a reader never sees half-written: each is written as a temporary file in the same
 * folder (0600 from its creation, so the key is never readable by others even for a moment),
 * forced to disk, then renamed over the target in one step.
 */
final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Creates {@code folder} (and its parents) 0700 when missing; warns when an existing one is open to others. */
    static void folder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            if (POSIX) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
                if (permissions.stream().anyMatch(p -> !OWNER_FOLDER.contains(p))) {
                    LOG.warn("Folder {} is {}: other users may list it; the certificate files in it are 0600",
                            folder, PosixFilePermissions.toString(permissions));
                }
            }
            return;
        }
        if (POSIX) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            // The umask may have narrowed the mode given at creation; never widened it, but say it exactly.
            Files.setPosixFilePermissions(folder, OWNER_FOLDER);
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Writes {@code content} to a new 0600 temporary file beside {@code target}, forced to disk. */
    static Path temporary(Path target, byte[] content) throws IOException {
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp", attributes);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    /** Renames {@code source} over {@code target} in one step. */
    static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + source + " over " + target + " in one step: " + e.getMessage()
                    + "; the folder must be on one local file system", e);
        }
    }

    /** Copies {@code source} to {@code target} the same way: temporary 0600 copy, then rename. */
    static void copy(Path source, Path target) throws IOException {
        replace(temporary(target, Files.readAllBytes(source)), target);
    }

    /** Forces the folder's entries (the renames) to disk, where the file system allows it. */
    static void sync(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a folder; the renames are still atomic, only their durability waits.
            LOG.debug("Cannot force folder {} to disk: {}", folder, e.toString());
        }
    }
}
