package dev.roadie.hub.cluster;

import dev.roadie.hub.auth.SharedToken;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.pairing.PairingService;
import dev.roadie.hub.pairing.SharedPairing;
import dev.roadie.hub.routing.LocalDurableMessages;
import dev.roadie.hub.store.AuditEntry;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.hub.store.Database;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code roadie cluster migrate}: copies a single hub's tokens (hashed), pairings, audit log and
 * waiting durable messages into a cluster's Redis, in the formats the cluster's hubs read
 * ({@link TokenSync}, {@link PairingSync}, {@link SharedAudit}, {@link SharedDurableMessages}).
 * The hash {@code N:migrated} remembers, per data folder, which audit entries and durable
 * messages were copied, so that a second run copies only what is new; tokens and pairings are
 * compared as the hubs compare them (a revocation and a later step win).
 */
public final class ClusterMigration {
    /** The hub named in migrated audit entries: they were written by a hub that was not yet in the cluster. */
    static final String MIGRATED_FROM = "migrated";

    /** What one run copied, and what it found in Redis already. */
    public record Moved(int tokens, int tokensThere, int pairings, int pairingsThere, int auditEntries,
            int auditThere, int durableMessages, int durableThere, String where) {
    }

    private ClusterMigration() {
    }

    /**
     * Copies what {@code db} holds into the cluster {@code clusterName} on the Redis at {@code redisUri}.
     *
     * @param settings the hub's settings: durable quotas and lifetime, pairing settings
     * @throws ClusterUnreachableException when Redis does not answer
     */
    public static Moved run(Database db, HubConfig settings, String redisUri, String clusterName) {
        ClusterKeys keys = new ClusterKeys(clusterName);
        Clock clock = Clock.systemUTC();
        String source = db.dataDir().toString();
        try (RedisLink link = RedisLink.connect(redisUri)) {
            StatefulRedisConnection<String, String> connection = link.connectAnother();
            RedisCommands<String, String> redis = connection.sync();

            TokenService tokenService = new TokenService(db, clock);
            int[] tokens = copyTokens(redis, keys, tokenService.shared());
            PairingService pairingService = new PairingService(db, tokenService, new AuditLog(db, clock), clock,
                    settings.pairing());
            int[] pairings = copyPairings(redis, keys, pairingService.shared(), clock.millis());
            int[] audit = copyAudit(redis, keys, source, new AuditLog(db, clock).recent(Integer.MAX_VALUE));

            int durable = 0;
            int durableThere = 0;
            for (LocalDurableMessages.Waiting waiting : LocalDurableMessages.waiting(db)) {
                String field = source + ":durable:" + waiting.id();
                if (redis.hexists(keys.migrated(), field)) {
                    durableThere++;
                    continue;
                }
                // Stored as at its own time, so that it expires in the cluster when it would have here.
                Clock then = Clock.fixed(Instant.ofEpochMilli(waiting.createdAtMillis()), ZoneOffset.UTC);
                new SharedDurableMessages(connection, keys, link.where(), then, settings.sessions().durableTtl(),
                        settings.quotas()).store(List.of(waiting.receiver()), waiting.message());
                redis.hset(keys.migrated(), field, "1");
                durable++;
            }
            return new Moved(tokens[0], tokens[1], pairings[0], pairings[1], audit[0], audit[1], durable,
                    durableThere, link.where());
        }
    }

    private static int[] copyTokens(RedisCommands<String, String> redis, ClusterKeys keys, List<SharedToken> mine) {
        Map<String, String> stored = redis.hgetall(keys.tokens());
        int copied = 0;
        for (SharedToken token : mine) {
            String theirs = stored.get(token.id());
            // As TokenSync compares: a revocation wins over an active copy.
            if (theirs == null || (TokenSync.decode(theirs).active() && !token.active())) {
                redis.hset(keys.tokens(), token.id(), TokenSync.encode(token));
                copied++;
            }
        }
        return new int[] {copied, mine.size() - copied};
    }

    private static int[] copyPairings(RedisCommands<String, String> redis, ClusterKeys keys, List<SharedPairing> mine,
            long now) {
        Map<String, String> stored = redis.hgetall(keys.pairings());
        int copied = 0;
        int there = 0;
        for (SharedPairing pairing : mine) {
            if (pairing.droppedBy(now)) {
                continue; // expired long ago: the hubs would drop it at once
            }
            String theirs = stored.get(pairing.id());
            // As PairingSync compares: the copy further along wins.
            if (theirs == null || PairingSync.decode(theirs).step() < pairing.step()) {
                redis.hset(keys.pairings(), pairing.id(), PairingSync.encode(pairing));
                copied++;
            } else {
                there++;
            }
        }
        return new int[] {copied, there};
    }

    private static int[] copyAudit(RedisCommands<String, String> redis, ClusterKeys keys, String source,
            List<AuditEntry> newestFirst) {
        String field = source + ":audit";
        String last = redis.hget(keys.migrated(), field);
        long after = last == null ? 0 : Long.parseLong(last);
        int copied = 0;
        for (AuditEntry entry : newestFirst.reversed()) {
            if (entry.id() <= after) {
                continue;
            }
            redis.xadd(keys.audit(), XAddArgs.Builder.maxlen(SharedAudit.CAP).approximateTrimming(),
                    SharedAudit.fields(MIGRATED_FROM, entry));
            // After each entry: an interrupted run goes on from there.
            redis.hset(keys.migrated(), field, Long.toString(entry.id()));
            copied++;
        }
        return new int[] {copied, newestFirst.size() - copied};
    }
}
