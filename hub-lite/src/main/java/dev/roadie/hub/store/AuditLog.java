package dev.roadie.hub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The record of administrative actions (tokens created and revoked, services drained or retired by an admin),
 * kept in the {@code audit} table. Callers must never put a secret in the detail.
 */
public final class AuditLog {
    private final Database db;
    private final Clock clock;
    /** In cluster mode: where each entry goes too, and where {@link #listing} reads. */
    private volatile Consumer<AuditEntry> sharedSink;
    private volatile IntFunction<List<AuditView>> sharedReader;

    /** An audit log in {@code db}, timestamped by {@code clock}. */
    public AuditLog(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records an action; joins the caller's transaction when called inside {@link Database#write}. */
    public void record(String actor, String action, String detail) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        long at = clock.millis();
        db.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, at);
                insert.setString(2, actor);
                insert.setString(3, action);
                insert.setString(4, detail);
                insert.executeUpdate();
            }
        });
        Consumer<AuditEntry> sink = sharedSink;
        if (sink != null) {
            sink.accept(new AuditEntry(0, Instant.ofEpochMilli(at), actor, action, detail));
        }
    }

    /**
     * In cluster mode: every entry recorded from now on also goes to {@code sink}, and
     * {@link #listing} reads {@code reader}, the log every hub writes to.
     */
    public void share(Consumer<AuditEntry> sink, IntFunction<List<AuditView>> reader) {
        this.sharedSink = Objects.requireNonNull(sink, "sink");
        this.sharedReader = Objects.requireNonNull(reader, "reader");
    }

    /** The last {@code limit} entries, newest first: this hub's, or in cluster mode the cluster's. */
    public List<AuditView> listing(int limit) {
        IntFunction<List<AuditView>> reader = sharedReader;
        if (reader != null) {
            return reader.apply(limit);
        }
        return recent(limit).stream().map(entry -> new AuditView(Long.toString(entry.id()), entry.at(), null,
                entry.actor(), entry.action(), entry.detail())).toList();
    }

    /** The last {@code limit} entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, at, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new AuditEntry(rows.getLong("id"), Instant.ofEpochMilli(rows.getLong("at")),
                                rows.getString("actor"), rows.getString("action"), rows.getString("detail")));
                    }
                }
                return List.copyOf(entries);
            }
        });
    }
}
