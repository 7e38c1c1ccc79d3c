package dev.roadie.hub.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The hub's SQLite database, {@code roadie.db} in the data folder, behind one connection.
 *
 * <p>All work runs under a lock on that connection, so callers never share a statement or a
 * transaction by accident. Writes run in {@code BEGIN IMMEDIATE} transactions: they take
 * SQLite's write lock up front and so wait (up to the busy timeout, 5 s) for another process
 * such as the {@code roadie token} command instead of failing half-way. A write started inside
 * another write on the same thread joins the outer transaction.
 *
 * <p>A hub opens it with {@link #openForHub(Path)}, which also locks the data folder against a
 * second hub. Each write first checks that the folder and the database file are still the ones
 * opened: SQLite would go on writing into a deleted file, and everything would vanish with it.
 */
public final class Database implements AutoCloseable, DataFolderHealth {
    /** The database's file name inside the data folder. */
    public static final String FILE_NAME = "roadie.db";

    static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Path dataDir;
    private final Path file;
    private final Connection connection;
    private final SqlErrors errors;
    private final Object fileKey;
    private final DataFolderLock folderLock; // null when not opened for a hub
    private final ReentrantLock lock = new ReentrantLock();
    private boolean inTransaction; // guarded by lock
    private boolean closed; // guarded by lock

    private Database(Path dataDir, Path file, Connection connection, SqlErrors errors, Object fileKey,
            DataFolderLock folderLock) {
        this.dataDir = dataDir;
        this.file = file;
        this.connection = connection;
        this.errors = errors;
        this.fileKey = fileKey;
        this.folderLock = folderLock;
    }

    /**
     * Creates {@code dataDir} (0700, owner only) if missing, opens {@code DATA/roadie.db}
     * (created 0600) in WAL mode and applies the migrations it lacks.
     *
     * @throws StoreException when the folder cannot be used or the database is locked, damaged
     *     or newer than this code
     */
    public static Database open(Path dataDir) throws StoreException {
        return open(dataDir, DEFAULT_BUSY_TIMEOUT, false);
    }

    /**
     * {@link #open(Path)} for a hub: first locks the data folder ({@code DATA/hub.lock}) until
     * {@link #close()}, so that a second hub on the same folder is refused with a message that
     * says so. Tools such as {@code roadie token} use {@link #open(Path)} beside a running hub.
     *
     * @throws StoreException also when another hub holds the folder
     */
    public static Database openForHub(Path dataDir) throws StoreException {
        return open(dataDir, DEFAULT_BUSY_TIMEOUT, true);
    }

    /** {@link #open(Path)} with another busy timeout, so that tests need not wait 5 s for a lock. */
    static Database open(Path dataDir, Duration busyTimeout) throws StoreException {
        return open(dataDir, busyTimeout, false);
    }

    private static Database open(Path dataDir, Duration busyTimeout, boolean forHub) throws StoreException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        prepareFolder(dir, file);
        DataFolderLock folderLock = forHub ? DataFolderLock.acquire(dir) : null;
        SqlErrors errors = new SqlErrors(file, busyTimeout);
        Connection connection;
        try {
            connection = config(busyTimeout).createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            release(folderLock);
            throw errors.translate(e);
        } catch (RuntimeException e) {
            release(folderLock);
            throw e;
        }
        Database db = new Database(dir, file, connection, errors, FileIdentity.of(file), folderLock);
        try {
            Migrations.apply(db);
        } catch (RuntimeException e) {
            db.closeAfterFailure(e);
            throw e;
        }
        log.debug("Opened {} (schema version {})", file, Migrations.latest());
        return db;
    }

    /** The data folder, absolute. */
    public Path dataDir() {
        return dataDir;
    }

    /** The database file, absolute. */
    public Path file() {
        return file;
    }

    /** Runs {@code work} on the connection under the lock, outside any transaction unless called within a write. */
    public <T> T read(SqlFunction<Connection, T> work) {
        Objects.requireNonNull(work, "work");
        lock.lock();
        try {
            ensureOpen();
            return work.apply(connection);
        } catch (SQLException e) {
            throw errors.translate(e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in a transaction, committed when it returns and rolled back when it throws. */
    public void write(SqlConsumer<Connection> work) {
        Objects.requireNonNull(work, "work");
        writeAndGet(connection -> {
            work.accept(connection);
            return null;
        });
    }

    /** Like {@link #write(SqlConsumer)}, returning what {@code work} returns. */
    public <T> T writeAndGet(SqlFunction<Connection, T> work) {
        Objects.requireNonNull(work, "work");
        lock.lock();
        try {
            ensureOpen();
            if (inTransaction) {
                return work.apply(connection); // nested: part of the outer transaction
            }
            refuseIfGone();
            return inTransaction(work);
        } catch (SQLException e) {
            throw errors.translate(e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T inTransaction(SqlFunction<Connection, T> work) throws SQLException {
        // Plain statements rather than setAutoCommit(false): the driver would open the next
        // transaction right after each commit and hold SQLite's write lock in between.
        execute("BEGIN IMMEDIATE");
        inTransaction = true;
        try {
            T result = work.apply(connection);
            execute("COMMIT");
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollback(e);
            throw e;
        } finally {
            inTransaction = false;
        }
    }

    private void rollback(Throwable cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // Usually "no transaction is active" after a failed COMMIT that SQLite already undid.
            cause.addSuppressed(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * What is wrong with the data folder, if anything: the folder or the database file deleted or
     * replaced since it was opened (nothing more can be stored), or the hub's lock file deleted or
     * replaced (the writes go on, but a second hub could start on the folder).
     */
    @Override
    public Optional<String> problem() {
        Optional<String> storage = storageProblem();
        return storage.isPresent() || folderLock == null ? storage : folderLock.problem();
    }

    /** The folder or the database file deleted or replaced: what makes writes vanish. */
    private Optional<String> storageProblem() {
        if (FileIdentity.of(dataDir) == null) {
            return Optional.of("the data folder " + dataDir + " is gone (deleted while the hub runs)");
        }
        Object now = FileIdentity.of(file);
        if (now == null) {
            return Optional.of("the database " + file + " is gone (deleted while the hub runs)");
        }
        if (!now.equals(fileKey)) {
            return Optional.of("the database " + file + " was replaced by another file while the hub runs");
        }
        return Optional.empty();
    }

    /** A write into a deleted database would look successful and be lost: refused instead. */
    private void refuseIfGone() {
        Optional<String> problem = storageProblem();
        if (problem.isPresent()) {
            throw new StoreException("Refused to write: " + problem.get() + ". Nothing more can be stored; stop the"
                    + " hub, put the data folder back (from a backup) or let the hub start with a new one, and start it"
                    + " again.");
        }
    }

    /**
     * Closes the connection and releases the data folder; later calls fail with {@link StoreException}.
     * Closing twice does nothing.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                connection.close();
            } finally {
                if (folderLock != null) {
                    folderLock.close();
                }
            }
            log.debug("Closed {}", file);
        } catch (SQLException e) {
            throw errors.translate(e);
        } finally {
            lock.unlock();
        }
    }

    /** A hub that could not open its database must not keep its folder locked. */
    private static void release(DataFolderLock folderLock) {
        if (folderLock != null) {
            folderLock.close();
        }
    }

    private void closeAfterFailure(RuntimeException failure) {
        try {
            close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("The database " + file + " is closed.");
        }
    }

    private static SQLiteConfig config(Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is durable across application crashes in WAL mode; only a power cut may lose
        // the last transactions, which is fine for tokens and a registry snapshot.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(Math.toIntExact(busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        return config;
    }

    private static void prepareFolder(Path dir, Path file) {
        try {
            if (OwnerOnlyFiles.createFolderIfMissing(dir)) {
                log.info("Created the data folder {} (owner only)", dir);
            } else if (OwnerOnlyFiles.isOpenToOthers(dir)) {
                log.warn("The data folder {} may be read by other users; consider chmod 700", dir);
            }
            if (!Files.isWritable(dir)) {
                throw new AccessDeniedException(dir.toString());
            }
            OwnerOnlyFiles.createFileIfMissing(file);
        } catch (AccessDeniedException e) {
            String where = dir.toString().equals(e.getFile()) ? "" : " on " + e.getFile();
            throw new StoreException(cannotOpen(dir, "permission denied" + where)
                    + " Make it writable by the user running Roadie, or choose another data folder.", e);
        } catch (FileAlreadyExistsException e) {
            String what = file.toString().equals(e.getFile()) ? "file" : "folder";
            throw new StoreException(cannotOpen(dir, e.getFile() + " exists but is not a " + what)
                    + " Choose another data folder.", e);
        } catch (FileSystemException e) {
            throw new StoreException(cannotOpen(dir, e.getReason() == null ? e.getMessage() : e.getReason()), e);
        } catch (IOException e) {
            throw new StoreException(cannotOpen(dir, e.getMessage()), e);
        }
    }

    private static String cannotOpen(Path dir, String reason) {
        return "Cannot open the data folder " + dir + ": " + reason + ".";
    }
}
