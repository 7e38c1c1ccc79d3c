package dev.roadie.hub.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Turns SQLite's errors into messages a person can act on. SQLite reports a result code
 * (possibly an extended one whose low byte is the primary code), which says far more than the
 * driver's message alone.
 */
final class SqlErrors {
    // Primary SQLite result codes, https://www.sqlite.org/rescode.html
    private static final int PERM = 3;
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;

    private final Path file;
    private final Duration busyTimeout;

    SqlErrors(Path file, Duration busyTimeout) {
        this.file = file;
        this.busyTimeout = busyTimeout;
    }

    StoreException translate(SQLException e) {
        return new StoreException(describe(e), e);
    }

    private String describe(SQLException e) {
        String detail = e.getMessage();
        return switch (e.getErrorCode() & 0xFF) {
            case BUSY, LOCKED -> "The database " + file + " is locked by another process (waited "
                    + busyTimeout.toMillis() + " ms). Try again; if it stays locked, look for a stuck roadie process.";
            case CORRUPT, NOTADB -> "The database " + file + " is damaged or is not a Roadie database (" + detail
                    + "). Restore it from a backup, or move it away to start with an empty one.";
            case PERM, READONLY, CANTOPEN -> "Cannot write the database " + file + ": permission denied or read-only"
                    + " (" + detail + "). The database, its folder and its -wal and -shm files must be writable"
                    + " by the user running Roadie.";
            case FULL -> "The disk holding the database " + file + " is full (" + detail + ").";
            case IOERR -> "Cannot read or write the database " + file + ": input/output error (" + detail + ").";
            default -> "Database error on " + file + ": " + detail;
        };
    }
}
