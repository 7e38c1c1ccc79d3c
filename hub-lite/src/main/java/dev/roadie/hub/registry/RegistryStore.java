package dev.roadie.hub.registry;

import dev.roadie.hub.store.Database;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.FrameCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the registry in SQLite so that a restarted hub remembers its services until their
 * leases say otherwise. Secrets are stored with the descriptor: the data folder is owner-only.
 */
public final class RegistryStore {
    private final Database db;
    private final JsonMapper json = FrameCodec.DEFAULT.mapper();

    public RegistryStore(Database db) {
        this.db = db;
    }

    /** Inserts or replaces one entry. */
    public void save(ServiceEntry entry) {
        db.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO services(kind, name, descriptor, state, owner, stats, announced_at, last_seen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(kind, name) DO UPDATE SET descriptor = excluded.descriptor, state = excluded.state,
                      owner = excluded.owner, stats = excluded.stats, last_seen = excluded.last_seen""")) {
                statement.setString(1, entry.id().kind());
                statement.setString(2, entry.id().name());
                statement.setString(3, json.writeValueAsString(entry.service()));
                statement.setString(4, entry.state().wire());
                statement.setString(5, entry.owner());
                statement.setString(6, entry.stats() == null ? null : json.writeValueAsString(entry.stats()));
                statement.setLong(7, entry.announcedAt().toEpochMilli());
                statement.setLong(8, entry.lastSeen().toEpochMilli());
                statement.executeUpdate();
            }
        });
    }

    /** Forgets one entry. */
    public void delete(ServiceId id) {
        db.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM services WHERE kind = ? AND name = ?")) {
                statement.setString(1, id.kind());
                statement.setString(2, id.name());
                statement.executeUpdate();
            }
        });
    }

    /** Everything stored. */
    public List<ServiceEntry> loadAll() {
        return db.read(connection -> {
            List<ServiceEntry> entries = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT descriptor, state, owner, stats, announced_at, last_seen FROM services");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String stats = rows.getString(4);
                    entries.add(new ServiceEntry(
                            json.readValue(rows.getString(1), ServiceDescriptor.class),
                            ServiceState.fromWire(rows.getString(2)),
                            stats == null ? null : json.readValue(stats, NodeStats.class),
                            rows.getString(3),
                            Instant.ofEpochMilli(rows.getLong(5)),
                            Instant.ofEpochMilli(rows.getLong(6))));
                }
            }
            return entries;
        });
    }
}
