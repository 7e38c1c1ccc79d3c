package dev.roadie.hub.routing;

import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.hub.store.Database;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.settings.Durations;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable messages of a hub on its own, kept in the data folder for each receiver until that receiver
 * acknowledges them, so that they survive a hub restart and wait for a receiver that is away.
 * Delivery is at least once: a receiver that reconnects as a new session gets its pending ones
 * again and drops what it already had by message id.
 *
 * <p>Every hello asks what waits for its service. Most services have nothing waiting, and the
 * database takes one caller at a time: a crowd of hellos queued on its lock, and Jetty started a
 * thread for each of them (250 during a burst of 6,000 connections). So the receivers that may
 * have something waiting are kept in memory, and only their hellos query the database.
 *
 * <p>What is stored is bounded by the {@code quotas.durable*} settings, per sender, per receiver
 * and in all: a client that sends durable messages to receivers that never take them fills its
 * own quota, not the disk. The usage is counted in memory, from the table at start and then
 * with every message stored, acknowledged or expired.
 */
public final class LocalDurableMessages implements DurableMessages {
    private static final Logger log = LoggerFactory.getLogger(LocalDurableMessages.class);

    private final Database db;
    private final Clock clock;
    private final Duration ttl;
    /**
     * Receivers that may have messages waiting: every receiver with a stored message is in it (it
     * is added, under the database's lock, before its message is stored), and one is removed only
     * under that lock, when a query found nothing for it.
     */
    private final Set<String> mayHaveWaiting = ConcurrentHashMap.newKeySet();
    /** Guarded by itself; taken before the database's lock, never while holding it. */
    private final DurableUsage usage;

    /** The sender of a message stored without one (only the hub's own tests do that). */
    private static final String NO_SENDER = "";
    /** The sender and size of stored rows, as the usage counts them. */
    private static final String SENDER_AND_BYTES = "COALESCE(json_extract(message, '$.from'), '') AS sender,"
            + " length(CAST(message AS BLOB)) AS bytes";

    public LocalDurableMessages(Database db, Clock clock, Duration ttl, HubConfig.Quotas quotas) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
        this.usage = new DurableUsage(quotas);
        List<Group> stored = db.read(connection -> groups(connection, ""));
        synchronized (usage) {
            for (Group group : stored) {
                mayHaveWaiting.add(group.receiver());
                usage.add(group.sender(), group.receiver(), group.count(), group.bytes());
            }
        }
    }

    /**
     * Stores {@code message} once for each receiver, in one transaction; returns the ids in the same order.
     *
     * @throws QuotaExceededException when that would take the sender, a receiver or the hub over its
     *                                quota; then nothing is stored
     */
    @Override
    public List<Long> store(List<ServiceId> receivers, Message message) {
        String text = FrameCodec.DEFAULT.encode(message.withSeq(0));
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        String sender = message.from() == null ? NO_SENDER : message.from().toString();
        List<String> keys = receivers.stream().map(ServiceId::toString).toList();
        long now = clock.millis();
        synchronized (usage) {
            // Checked and counted under one lock, so that senders racing each other cannot pass a quota together.
            usage.check(sender, keys, bytes);
            List<Long> ids = db.writeAndGet(connection -> {
                mayHaveWaiting.addAll(keys);
                List<Long> stored = new ArrayList<>(keys.size());
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO durable_messages(receiver, message, created_at) VALUES (?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    for (String receiver : keys) {
                        insert.setString(1, receiver);
                        insert.setString(2, text);
                        insert.setLong(3, now);
                        insert.executeUpdate();
                        try (ResultSet key = insert.getGeneratedKeys()) {
                            key.next();
                            stored.add(key.getLong(1));
                        }
                    }
                }
                return stored;
            });
            keys.forEach(receiver -> usage.add(sender, receiver, 1, bytes));
            return ids;
        }
    }

    /** The receiver acknowledged it: forget it. */
    @Override
    public void delivered(long id) {
        Optional<Group> removed = db.writeAndGet(connection -> {
            List<Group> found;
            try (PreparedStatement select = connection.prepareStatement("SELECT receiver, " + SENDER_AND_BYTES
                    + " FROM durable_messages WHERE id = ?")) {
                select.setLong(1, id);
                found = readGroups(select, false);
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM durable_messages WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            // Empty when it was acknowledged before (in an earlier session, say): nothing to count off twice.
            return found.stream().findFirst();
        });
        removed.ifPresent(this::uncount);
    }

    /**
     * Whether messages may wait for {@code receiver}: then the hub knows it, even after the
     * registry forgot it, and more may be stored for it.
     */
    @Override
    public boolean mayHaveWaiting(ServiceId receiver) {
        return mayHaveWaiting.contains(receiver.toString());
    }

    /** A stored message for one receiver, as {@code roadie cluster migrate} copies it. */
    public record Waiting(long id, ServiceId receiver, Message message, long createdAtMillis) {
    }

    /** Every message waiting in {@code db}, oldest first; for moving them elsewhere, not for delivery. */
    public static List<Waiting> waiting(Database db) {
        return db.read(connection -> {
            List<Waiting> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, receiver, message, created_at FROM durable_messages ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(new Waiting(rows.getLong(1), ServiceId.parse(rows.getString(2)),
                            (Message) FrameCodec.DEFAULT.decode(rows.getString(3)), rows.getLong(4)));
                }
            }
            return all;
        });
    }

    /** What waits for {@code receiver}, oldest first; without touching the database when nothing can. */
    @Override
    public List<Pending> pendingFor(ServiceId receiver) {
        String key = receiver.toString();
        if (!mayHaveWaiting.contains(key)) {
            return List.of();
        }
        return db.read(connection -> {
            List<Pending> pending = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, message FROM durable_messages WHERE receiver = ? ORDER BY id")) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Message message = (Message) FrameCodec.DEFAULT.decode(rows.getString(2));
                        pending.add(new Pending(rows.getLong(1), PreparedFrame.of(message)));
                    }
                }
            }
            if (pending.isEmpty()) {
                // Under the lock that store() holds while it adds: a message being stored cannot slip between.
                mayHaveWaiting.remove(key);
            }
            return pending;
        });
    }

    /** Drops what waited longer than the time to live; returns how many. */
    @Override
    public int expire() {
        long cutoff = clock.millis() - ttl.toMillis();
        List<Group> expired = db.writeAndGet(connection -> {
            List<Group> groups = groups(connection, "WHERE created_at < " + cutoff);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM durable_messages WHERE created_at < ?")) {
                delete.setLong(1, cutoff);
                delete.executeUpdate();
            }
            return groups;
        });
        expired.forEach(this::uncount);
        long dropped = expired.stream().mapToLong(Group::count).sum();
        if (dropped > 0) {
            log.warn("Dropped {} durable messages nobody acknowledged within {} (sessions.durableTtl)", dropped,
                    Durations.format(ttl));
        }
        return Math.toIntExact(dropped);
    }

    /** Stored messages of one sender for one receiver: how many, and their bytes. */
    private record Group(String receiver, String sender, long count, long bytes) {
    }

    private void uncount(Group group) {
        synchronized (usage) {
            usage.remove(group.sender(), group.receiver(), group.count(), group.bytes());
        }
    }

    /** The stored messages matching {@code where} (a fixed condition, no user input), by receiver and sender. */
    private static List<Group> groups(Connection connection, String where) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT receiver, sender, count(*), sum(bytes)"
                + " FROM (SELECT receiver, " + SENDER_AND_BYTES + " FROM durable_messages " + where + ")"
                + " GROUP BY receiver, sender")) {
            return readGroups(select, true);
        }
    }

    private static List<Group> readGroups(PreparedStatement select, boolean counted) throws SQLException {
        List<Group> groups = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                groups.add(counted
                        ? new Group(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4))
                        : new Group(rows.getString(1), rows.getString(2), 1, rows.getLong(3)));
            }
        }
        return groups;
    }
}
