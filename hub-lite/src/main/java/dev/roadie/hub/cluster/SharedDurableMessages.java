package dev.roadie.hub.cluster;

import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.routing.DurableMessages;
import dev.roadie.hub.routing.ElsewhereUnavailableException;
import dev.roadie.hub.routing.QuotaExceededException;
import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.settings.Durations;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable messages of a cluster, in its Redis, so that any hub delivers what any hub
 * accepted and none is lost with the hub that took it (docs/CLUSTER.md, "Durable messages").
 * Every change is one Lua script, atomic in Redis: a quota is checked and counted cluster-wide in
 * the same step that stores, and an acknowledgement removes a message and its count once.
 *
 * <p>A store returns only once a replica has the message ({@code WAIT 1}) when the primary has
 * replicas, so that a failover of the primary cannot lose what a sender was acknowledged. With
 * no replica it returns once the primary has it. It runs on a connection of its own: {@code WAIT}
 * holds the connection it is sent on, and the hub's publishes must not queue behind it.
 */
final class SharedDurableMessages implements DurableMessages {
    private static final Logger log = LoggerFactory.getLogger(SharedDurableMessages.class);
    /**
     * How long a store waits for a replica to confirm it before the sender is told it may not be
     * kept; the sender's link waits meanwhile, so this stays well below the heartbeat's tolerance.
     */
    static final Duration REPLICA_WAIT = Duration.ofSeconds(1);

    /** Removes one stored message and counts it off; {@code p} is the key prefix. Shared by the scripts below. */
    private static final String DROP = """
            local function drop(p, id)
              local rec = redis.call('HGET', p .. ':m', id)
              if not rec then return 0 end
              local r, s, b = string.match(rec, '^([^\\n]*)\\n([^\\n]*)\\n([^\\n]*)\\n')
              redis.call('HDEL', p .. ':m', id)
              redis.call('ZREM', p .. ':r:' .. r, id)
              redis.call('ZREM', p .. ':t', id)
              local u = p .. ':u'
              b = tonumber(b)
              for _, f in ipairs({{'s:' .. s, 1}, {'sb:' .. s, b}, {'r:' .. r, 1}, {'rb:' .. r, b}, {'n', 1}, {'b', b}}) do
                if redis.call('HINCRBY', u, f[1], -f[2]) <= 0 then redis.call('HDEL', u, f[1]) end
              end
              return 1
            end
            """;
    /**
     * ARGV: prefix, sender, bytes, frame, now, the six quotas (sender count and bytes, receiver
     * count and bytes, total count and bytes), then the receivers. Returns {ok, id...} or the
     * quota passed and the usage that passes it.
     */
    private static final String STORE = """
            local p, s, b, frame, now = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]
            local q = {}
            for i = 6, 11 do q[#q + 1] = tonumber(ARGV[i]) end
            local u = p .. ':u'
            local copies = #ARGV - 11
            local function used(f) return tonumber(redis.call('HGET', u, f) or '0') end
            if used('s:' .. s) + copies > q[1] or used('sb:' .. s) + copies * b > q[2] then
              return {'sender', s, used('s:' .. s), used('sb:' .. s)}
            end
            for i = 12, #ARGV do
              local r = ARGV[i]
              if used('r:' .. r) + 1 > q[3] or used('rb:' .. r) + b > q[4] then
                return {'receiver', r, used('r:' .. r), used('rb:' .. r)}
              end
            end
            if used('n') + copies > q[5] or used('b') + copies * b > q[6] then
              return {'total', '', used('n'), used('b')}
            end
            local ids = {'ok'}
            for i = 12, #ARGV do
              local r = ARGV[i]
              local id = redis.call('INCR', p .. ':next')
              redis.call('HSET', p .. ':m', id, r .. '\\n' .. s .. '\\n' .. b .. '\\n' .. frame)
              redis.call('ZADD', p .. ':r:' .. r, id, id)
              redis.call('ZADD', p .. ':t', now, id)
              for _, f in ipairs({{'s:' .. s, 1}, {'sb:' .. s, b}, {'r:' .. r, 1}, {'rb:' .. r, b}, {'n', 1}, {'b', b}}) do
                redis.call('HINCRBY', u, f[1], f[2])
              end
              ids[#ids + 1] = id
            end
            return ids
            """;
    /** ARGV: prefix, id. Returns 1 when it removed it, 0 when it was gone already. */
    private static final String ACK = DROP + "return drop(ARGV[1], ARGV[2])\n";
    /** ARGV: prefix, cutoff (ms). Returns how many it dropped. */
    private static final String EXPIRE = DROP + """
            local n = 0
            for _, id in ipairs(redis.call('ZRANGEBYSCORE', ARGV[1] .. ':t', '-inf', '(' .. ARGV[2])) do
              n = n + drop(ARGV[1], id)
            end
            return n
            """;
    /** ARGV: prefix, receiver. Returns id, record, id, record... oldest first. */
    private static final String PENDING = """
            local out = {}
            for _, id in ipairs(redis.call('ZRANGE', ARGV[1] .. ':r:' .. ARGV[2], 0, -1)) do
              local rec = redis.call('HGET', ARGV[1] .. ':m', id)
              if rec then out[#out + 1] = id; out[#out + 1] = rec end
            end
            return out
            """;

    private final StatefulRedisConnection<String, String> connection;
    private final String prefix;
    private final Clock clock;
    private final Duration ttl;
    private final HubConfig.Quotas quotas;
    private final java.util.function.BooleanSupplier leading;
    private final String where;

    SharedDurableMessages(StatefulRedisConnection<String, String> connection, ClusterKeys keys, String where,
            Clock clock, Duration ttl, HubConfig.Quotas quotas) {
        this(connection, keys, where, clock, ttl, quotas, () -> true);
    }

    /**
     * @param leading whether this hub leads the cluster now: only the leader expires messages, so
     *                that the cluster runs one expiry a minute however many hubs it has
     */
    SharedDurableMessages(StatefulRedisConnection<String, String> connection, ClusterKeys keys, String where,
            Clock clock, Duration ttl, HubConfig.Quotas quotas, java.util.function.BooleanSupplier leading) {
        this.leading = leading;
        this.connection = connection;
        this.prefix = keys.durable();
        this.where = where;
        this.clock = clock;
        this.ttl = ttl;
        this.quotas = quotas;
    }

    @Override
    public List<Long> store(List<ServiceId> receivers, Message message) {
        String text = FrameCodec.DEFAULT.encode(message.withSeq(0));
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        String sender = message.from() == null ? "" : message.from().toString();
        List<String> args = new ArrayList<>(List.of(prefix, sender, Long.toString(bytes), text,
                Long.toString(clock.millis()), Long.toString(quotas.durablePerSender()),
                Long.toString(quotas.durableSenderBytes()), Long.toString(quotas.durablePerReceiver()),
                Long.toString(quotas.durableReceiverBytes()), Long.toString(quotas.durableTotal()),
                Long.toString(quotas.durableTotalBytes())));
        receivers.forEach(r -> args.add(r.toString()));
        List<Object> result = run(cmd -> cmd.eval(STORE, ScriptOutputType.MULTI, new String[0],
                args.toArray(String[]::new)), "store a durable message");
        if (!"ok".equals(result.getFirst())) {
            throw overQuota(result);
        }
        List<Long> ids = new ArrayList<>(receivers.size());
        for (int i = 1; i < result.size(); i++) {
            ids.add((Long) result.get(i));
        }
        confirmOnReplica(message);
        return ids;
    }

    /**
     * Waits until a replica has what this connection wrote, when the primary has replicas; with
     * none there is nothing to wait for (see CLUSTER.md for what that risks).
     */
    private void confirmOnReplica(Message message) {
        long replicas = run(cmd -> replicas(cmd.info("replication")), "ask Redis for its replicas");
        if (replicas == 0) {
            return;
        }
        long confirmed = run(cmd -> cmd.waitForReplication(1, REPLICA_WAIT.toMillis()), "wait for a replica");
        if (confirmed < 1) {
            throw new ElsewhereUnavailableException("durable message " + message.id() + " reached the cluster's Redis"
                    + " at " + where + " but none of its " + replicas + " replicas confirmed it within "
                    + Durations.format(REPLICA_WAIT) + ", so it could be lost if the primary fails: it may still be"
                    + " delivered; send it again with the same id if it must arrive (receivers drop a copy by id)");
        }
    }

    /**
     * The replicas of an {@code INFO replication} answer that are in sync ({@code state=online}):
     * one still loading its first copy cannot confirm a write yet.
     */
    static long replicas(String info) {
        long online = 0;
        for (String line : info.split("\r?\n")) {
            if (line.matches("slave\\d+:.*") && line.contains("state=online")) {
                online++;
            }
        }
        return online;
    }

    private QuotaExceededException overQuota(List<Object> result) {
        String which = (String) result.get(0);
        String who = (String) result.get(1);
        long count = (Long) result.get(2);
        long bytes = (Long) result.get(3);
        return new QuotaExceededException(switch (which) {
            case "sender" -> who + " already has " + count + " durable messages (" + bytes + " bytes) waiting for their"
                    + " receivers across the cluster, and one sender may have " + quotas.durablePerSender() + " ("
                    + quotas.durableSenderBytes() + " bytes; quotas.durablePerSender, quotas.durableSenderBytes):"
                    + " wait until receivers acknowledge some, or send without durable. Nothing was stored or sent";
            case "receiver" -> who + " already has " + count + " durable messages (" + bytes + " bytes) waiting for it"
                    + " across the cluster, and one receiver may have " + quotas.durablePerReceiver() + " ("
                    + quotas.durableReceiverBytes() + " bytes; quotas.durablePerReceiver,"
                    + " quotas.durableReceiverBytes): it must connect and acknowledge some first. Nothing was stored"
                    + " or sent";
            default -> "the cluster already holds " + count + " durable messages (" + bytes + " bytes), its limit is "
                    + quotas.durableTotal() + " (" + quotas.durableTotalBytes() + " bytes; quotas.durableTotal,"
                    + " quotas.durableTotalBytes): try again once receivers have acknowledged some. Nothing was"
                    + " stored or sent";
        });
    }

    @Override
    public void delivered(long id) {
        try {
            connection.async().eval(ACK, ScriptOutputType.INTEGER, new String[0], prefix, Long.toString(id))
                    .whenComplete((removed, failed) -> {
                        if (failed != null) {
                            log.warn("Could not remove acknowledged durable message {} from the cluster's Redis at {}"
                                    + " ({}): its receiver gets it again when it reconnects, and drops it by id", id,
                                    where, failed.toString());
                        }
                    });
        } catch (RedisException e) {
            log.warn("Could not remove acknowledged durable message {} from the cluster's Redis at {} ({}): its"
                    + " receiver gets it again when it reconnects, and drops it by id", id, where, e.toString());
        }
    }

    @Override
    public boolean mayHaveWaiting(ServiceId receiver) {
        return run(cmd -> cmd.exists(prefix + ":r:" + receiver), "look for durable messages") > 0;
    }

    @Override
    public List<Pending> pendingFor(ServiceId receiver) {
        List<Object> rows = run(cmd -> cmd.eval(PENDING, ScriptOutputType.MULTI, new String[0], prefix,
                receiver.toString()), "read durable messages");
        List<Pending> pending = new ArrayList<>(rows.size() / 2);
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            String record = (String) rows.get(i + 1);
            // receiver \n sender \n bytes \n frame: the frame is all after the third line break.
            int at = record.indexOf('\n', record.indexOf('\n', record.indexOf('\n') + 1) + 1);
            Message message = (Message) FrameCodec.DEFAULT.decode(record.substring(at + 1));
            pending.add(new Pending(Long.parseLong((String) rows.get(i)), PreparedFrame.of(message)));
        }
        return pending;
    }

    /** Drops what waited longer than {@code sessions.durableTtl}; on the leader only, elsewhere it does nothing. */
    @Override
    public int expire() {
        if (!leading.getAsBoolean()) {
            // The leader expires for the whole cluster (one script, idempotent: two that overlap at a hand-over drop each once).
            return 0;
        }
        long cutoff = clock.millis() - ttl.toMillis();
        long dropped = run(cmd -> cmd.eval(EXPIRE, ScriptOutputType.INTEGER, new String[0], prefix,
                Long.toString(cutoff)), "expire durable messages");
        if (dropped > 0) {
            log.warn("Dropped {} durable messages nobody acknowledged within {} (sessions.durableTtl)", dropped,
                    Durations.format(ttl));
        }
        return Math.toIntExact(dropped);
    }

    private <T> T run(java.util.function.Function<RedisCommands<String, String>, T> command, String doing) {
        if (!connection.isOpen()) {
            throw new ElsewhereUnavailableException("cannot " + doing + ": the cluster's Redis at " + where
                    + " cannot be reached now (it reconnects by itself; check that Redis runs and cluster.redis)");
        }
        try {
            return command.apply(connection.sync());
        } catch (RedisException e) {
            throw new ElsewhereUnavailableException("cannot " + doing + " in the cluster's Redis at " + where + ": "
                    + e.getMessage(), e);
        }
    }
}
