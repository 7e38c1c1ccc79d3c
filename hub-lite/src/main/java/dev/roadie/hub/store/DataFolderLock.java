package dev.roadie.hub.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A hub's claim on its data folder: an operating-system lock on {@code DATA/hub.lock}, held
 * while the hub runs and released by the system when its process ends, however it ends. A second
 * hub on the same folder would mark the first one's live services down and race it for the
 * database, so it is refused. The {@code roadie token} commands do not take the lock: they make
 * short transactions that SQLite serialises with the hub's.
 *
 * <p>The file stays when the hub stops: deleting it could let a starting hub lock a file that
 * the next one no longer sees. It holds the process id of the holder, for the refusal message.
 */
final class DataFolderLock implements AutoCloseable {
    /** The lock file's name inside the data folder. */
    static final String FILE_NAME = "hub.lock";

    private final Path file;
    private final FileChannel channel;
    private final Object fileKey;

    private DataFolderLock(Path file, FileChannel channel, Object fileKey) {
        this.file = file;
        this.channel = channel;
        this.fileKey = fileKey;
    }

    /** Locks {@code dir} (which must exist) for this process, or says which process holds it. */
    static DataFolderLock acquire(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            OwnerOnlyFiles.createFileIfMissing(file);
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another hub in this same process
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new StoreException("Another hub is running on the data folder " + dir + " (" + holder
                        + " holds " + file + "). Stop that hub first, or give this one another data folder"
                        + " (--data DIR, ROADIE_DATA, or data in roadie.yml).");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataFolderLock(file, channel, FileIdentity.of(file));
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new StoreException("Cannot lock the data folder " + dir + " through " + file + ": " + e.getMessage()
                    + ". The folder must be writable by the user running Roadie, on a file system that supports"
                    + " file locks (not every network share does).", e);
        }
    }

    /** What is wrong with the lock, if anything: its file deleted or replaced while the hub runs. */
    Optional<String> problem() {
        Object now = FileIdentity.of(file);
        if (now == null) {
            return Optional.of("the lock file " + file + " is gone, so another hub could start on the same folder");
        }
        return !fileKey.equals(now)
                ? Optional.of("the lock file " + file + " was replaced, so another hub could start on the same folder")
                : Optional.empty();
    }

    /** Releases the lock (closing the channel does). */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StoreException("Cannot release the lock on " + file + ": " + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return text.matches("pid \\d+") ? "process " + text.substring(4) : "another process";
        } catch (IOException e) {
            // Some systems refuse to read a locked file; the refusal is the same without the pid.
            return "another process";
        }
    }

    private static void closeQuietly(FileChannel channel, IOException failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
