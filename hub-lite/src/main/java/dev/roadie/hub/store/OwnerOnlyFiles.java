package dev.roadie.hub.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates folders and files that only their owner may read: {@code rwx------} folders and
 * {@code rw-------} files. The permissions are given at creation, so there is no moment when a
 * secret sits in a file that others can read. On file systems without POSIX permissions
 * (Windows) the files are created with the platform's defaults.
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code dir} as an owner-only folder if it does not exist (its missing parents get
     * the usual permissions). Returns whether it was created.
     *
     * @throws java.nio.file.AccessDeniedException when a parent may not be written
     * @throws FileAlreadyExistsException when {@code dir} exists and is not a folder
     */
    public static boolean createFolderIfMissing(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return false;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, attributes(dir, FOLDER));
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(dir)) {
                return false; // another process created it at the same moment
            }
            throw e;
        }
        // The umask may have removed bits at creation; set exactly what we want.
        restrict(dir, FOLDER);
        return true;
    }

    /** Creates {@code file} empty and owner-only if it does not exist. Returns whether it was created. */
    public static boolean createFileIfMissing(Path file) throws IOException {
        try {
            Files.createFile(file, attributes(file, FILE));
        } catch (FileAlreadyExistsException e) {
            if (Files.isRegularFile(file)) {
                return false;
            }
            throw e;
        }
        restrict(file, FILE);
        return true;
    }

    /**
     * Writes {@code text} to {@code file}, replacing it, so that it is owner-only: the text goes
     * to a new owner-only file beside it, which is then moved in place.
     */
    public static void writeSecret(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(file, FILE));
        try {
            restrict(temp, FILE);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Whether {@code path} is readable, writable or executable by anyone but its owner. */
    public static boolean isOpenToOthers(Path path) throws IOException {
        if (!isPosix(path)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (isPosix(path)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        if (isPosix(path)) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
        }
        return new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
