package dev.roadie.hub.cluster;

import dev.roadie.hub.store.AuditEntry;
import dev.roadie.hub.store.AuditView;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's one audit log: the Redis stream {@code N:audit}, to which every hub adds its
 * entries (each hub still keeps its own in its database), capped at about {@link #CAP} entries,
 * the oldest dropped first. {@code GET /api/audit} on any hub reads it.
 */
final class SharedAudit {
    /** About how many entries the stream keeps (Redis trims whole nodes, so a few more may stay). */
    static final long CAP = 100_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SharedAudit.class);

    private final String self;
    private final String stream;
    private final RedisAsyncCommands<String, String> redis;
    private final String where;
    private final long cap;

    SharedAudit(String self, ClusterKeys keys, RedisLink link) {
        this(self, keys, link, CAP);
    }

    /** With another cap, so that a test can see it trimmed. */
    SharedAudit(String self, ClusterKeys keys, RedisLink link, long cap) {
        this.self = self;
        this.cap = cap;
        this.stream = keys.audit();
        this.redis = link.async();
        this.where = link.where();
    }

    /** Adds {@code entry} to the stream; when Redis cannot take it, it stays in this hub's database only. */
    void add(AuditEntry entry) {
        Map<String, String> fields = fields(self, entry);
        redis.xadd(stream, XAddArgs.Builder.maxlen(cap).approximateTrimming(), fields)
                .whenComplete((id, failed) -> {
                    if (failed != null) {
                        log.warn("Could not add an audit entry ({} by {}) to the cluster's log: it is in this hub's"
                                + " database only ({})", entry.action(), entry.actor(), failed.toString());
                    }
                });
    }

    /** {@code entry} as the fields of a stream entry, written by hub {@code hub}. */
    static Map<String, String> fields(String hub, AuditEntry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("hub", hub);
        fields.put("at", Long.toString(entry.at().toEpochMilli()));
        fields.put("actor", entry.actor());
        fields.put("action", entry.action());
        if (entry.detail() != null) {
            fields.put("detail", entry.detail());
        }
        return fields;
    }

    /** The last {@code limit} entries of every hub, newest first. */
    List<AuditView> recent(int limit) {
        try {
            return redis.xrevrange(stream, Range.unbounded(), Limit.from(limit))
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream().map(SharedAudit::view).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new ClusterUnreachableException("cannot read the cluster's audit log from Redis at " + where + " ("
                    + e.getMessage() + "): try again once Redis is back; each hub's own entries are in its database",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnreachableException("interrupted while reading the cluster's audit log", e);
        }
    }

    private static AuditView view(StreamMessage<String, String> message) {
        Map<String, String> body = message.getBody();
        return new AuditView(message.getId(), Instant.ofEpochMilli(Long.parseLong(body.get("at"))), body.get("hub"),
                body.get("actor"), body.get("action"), body.get("detail"));
    }
}
