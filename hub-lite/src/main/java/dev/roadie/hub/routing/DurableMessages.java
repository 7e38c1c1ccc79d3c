package dev.roadie.hub.routing;

import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.hub.store.Database;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages marked durable, kept in the data folder for each receiver until that receiver
 * acknowledges them, so that they survive a hub restart and wait for a receiver that is away.
 * Delivery is at least once: a receiver that reconnects as a new session gets its pending ones
 * again and drops what it already had by message id.
 *
 * <p>Every hello asks what waits for its service. Most services have nothing waiting, and the
 * database takes one caller at a time: a crowd of hellos queued on its lock, and Jetty started a
 * thread for each of them (250 during a burst of 6,000 connections). So the receivers that may
 * have something waiting are kept in memory, and only their hellos query the database.
 */
public final class DurableMessages {
    private static final Logger log = LoggerFactory.getLogger(DurableMessages.class);

    private final Database db;
    private final Clock clock;
    private final Duration ttl;
    /**
     * Receivers that may have messages waiting: every receiver with a stored message is in it (it
     * is added, under the database's lock, before its message is stored), and one is removed only
     * under that lock, when a query found nothing for it.
     */
    private final Set<String> mayHaveWaiting = ConcurrentHashMap.newKeySet();

    /** A stored message for one receiver. */
    public record Pending(long id, PreparedFrame frame) {
    }

    public DurableMessages(Database db, Clock clock, Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
        db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT receiver FROM durable_messages");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    mayHaveWaiting.add(rows.getString(1));
                }
            }
            return null;
        });
    }

    /** Stores {@code message} once for each receiver, in one transaction; returns the ids in the same order. */
    public List<Long> store(List<ServiceId> receivers, Message message) {
        String text = FrameCodec.DEFAULT.encode(message.withSeq(0));
        long now = clock.millis();
        return db.writeAndGet(connection -> {
            receivers.forEach(receiver -> mayHaveWaiting.add(receiver.toString()));
            List<Long> ids = new ArrayList<>(receivers.size());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO durable_messages(receiver, message, created_at) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (ServiceId receiver : receivers) {
                    insert.setString(1, receiver.toString());
                    insert.setString(2, text);
                    insert.setLong(3, now);
                    insert.executeUpdate();
                    try (ResultSet key = insert.getGeneratedKeys()) {
                        key.next();
                        ids.add(key.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** The receiver acknowledged it: forget it. */
    public void delivered(long id) {
        db.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM durable_messages WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        });
    }

    /** What waits for {@code receiver}, oldest first; without touching the database when nothing can. */
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
    public int expire() {
        long cutoff = clock.millis() - ttl.toMillis();
        int dropped = db.writeAndGet(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM durable_messages WHERE created_at < ?")) {
                delete.setLong(1, cutoff);
                return delete.executeUpdate();
            }
        });
        if (dropped > 0) {
            log.warn("Dropped {} durable messages nobody acknowledged within {} minutes", dropped, ttl.toMinutes());
        }
        return dropped;
    }
}
