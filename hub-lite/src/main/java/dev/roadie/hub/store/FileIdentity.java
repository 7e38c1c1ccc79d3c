package dev.roadie.hub.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Which file a path names now (device and inode on Unix), so that a file deleted and created
 * again under the same name is told apart from the one a process has open.
 */
final class FileIdentity {
    private FileIdentity() {
    }

    /**
     * The file's key; {@code Boolean.TRUE} when it exists on a system without keys (it can then
     * only be told missing); {@code null} when there is no such file.
     */
    static Object of(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key == null ? Boolean.TRUE : key;
        } catch (IOException e) {
            // NoSuchFileException, or a folder on the way that is gone or unreadable: the file cannot be used.
            return null;
        }
    }
}
