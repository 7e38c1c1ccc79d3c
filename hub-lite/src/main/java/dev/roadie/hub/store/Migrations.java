package dev.roadie.hub.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema, as numbered migrations applied in order. The version reached is kept in SQLite's
 * {@code PRAGMA user_version}, which lives in the database header and changes in the same
 * transaction as the migration, so a migration is applied entirely or not at all.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    static final List<Migration> ALL = List.of(
            new Migration(1, "tokens, services and audit", List.of(
                    """
                    CREATE TABLE tokens (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        scopes TEXT NOT NULL,
                        secret_hash TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        revoked_at INTEGER,
                        last_used_at INTEGER
                    )""",
                    """
                    CREATE TABLE services (
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        descriptor TEXT NOT NULL,
                        state TEXT NOT NULL,
                        owner TEXT,
                        stats TEXT,
                        announced_at INTEGER NOT NULL,
                        last_seen INTEGER NOT NULL,
                        PRIMARY KEY (kind, name)
                    )""",
                    """
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        detail TEXT
                    )""")),
            new Migration(2, "durable messages", List.of(
                    """
                    CREATE TABLE durable_messages (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        receiver TEXT NOT NULL,
                        message TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    )""",
                    "CREATE INDEX durable_messages_by_receiver ON durable_messages (receiver)")),
            new Migration(3, "certificates", List.of(
                    // private_key is AES-GCM ciphertext under the master key, which is never in this file.
                    """
                    CREATE TABLE certificates (
                        name TEXT PRIMARY KEY,
                        domains TEXT NOT NULL,
                        source TEXT NOT NULL,
                        serial TEXT,
                        not_before INTEGER,
                        not_after INTEGER,
                        fingerprint TEXT,
                        issued_at INTEGER,
                        renew_after INTEGER,
                        fullchain_pem TEXT,
                        private_key BLOB,
                        last_error TEXT,
                        failures INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at INTEGER,
                        renew_requested INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE certificate_serials (
                        name TEXT NOT NULL REFERENCES certificates (name) ON DELETE CASCADE,
                        serial TEXT NOT NULL,
                        issued_at INTEGER NOT NULL,
                        PRIMARY KEY (name, serial)
                    )""",
                    """
                    CREATE TABLE certificate_installations (
                        name TEXT NOT NULL REFERENCES certificates (name) ON DELETE CASCADE,
                        service TEXT NOT NULL,
                        serial TEXT NOT NULL,
                        installed_at INTEGER NOT NULL,
                        PRIMARY KEY (name, service)
                    )""",
                    """
                    CREATE TABLE acme_accounts (
                        directory TEXT PRIMARY KEY,
                        key_pair BLOB NOT NULL,
                        created_at INTEGER NOT NULL
                    )""")),
            new Migration(4, "device pairing", List.of(
                    // Codes are kept as SHA-256 only, and cleared once redeemed; a redeemed row names its token.
                    """
                    CREATE TABLE pairings (
                        id TEXT PRIMARY KEY,
                        flow TEXT NOT NULL,
                        device_code_hash TEXT UNIQUE,
                        user_code_hash TEXT UNIQUE,
                        kind TEXT NOT NULL,
                        device_name TEXT,
                        platform TEXT,
                        address TEXT,
                        state TEXT NOT NULL,
                        scopes TEXT,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        last_poll_at INTEGER,
                        decided_by TEXT,
                        token_id TEXT,
                        redeemed_at INTEGER
                    )""",
                    "CREATE INDEX pairings_by_token ON pairings (token_id)")));

    private Migrations() {
    }

    /** The schema version this code writes. */
    static int latest() {
        return ALL.getLast().version();
    }

    /** Brings the database to {@link #latest()}, refusing one written by a newer Roadie. */
    static void apply(Database db) {
        int found = db.read(Migrations::version);
        if (found > latest()) {
            throw new StoreException("The database " + db.file() + " has schema version " + found
                    + " but this Roadie knows only up to " + latest() + ". Run a newer Roadie, or restore a backup.");
        }
        for (Migration migration : ALL) {
            if (migration.version() > found) {
                applyOne(db, migration);
            }
        }
    }

    private static void applyOne(Database db, Migration migration) {
        boolean applied = db.writeAndGet(connection -> {
            // Checked again inside the transaction: another process may have migrated meanwhile.
            if (version(connection) >= migration.version()) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + migration.version());
            }
            return true;
        });
        if (applied) {
            log.info("Database {}: applied migration {} ({})", db.file(), migration.version(), migration.description());
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
