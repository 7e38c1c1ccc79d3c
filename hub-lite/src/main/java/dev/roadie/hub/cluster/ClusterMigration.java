package dev.roadie.hub.cluster;

import dev.roadie.hub.auth.SharedToken;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.certs.CertificateRecords;
import dev.roadie.hub.certs.MasterKey;
import dev.roadie.hub.certs.StoredCertificate;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.registry.RegistryStore;
import dev.roadie.model.registry.ServiceEntry;
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
 * {@code roadie cluster migrate}: copies a single hub's tokens (hashed), pairings, audit log,
 * waiting durable messages, certificates (their keys still encrypted) and its services' secrets
 * (encrypted) into a cluster's Redis, in the formats the cluster's hubs read ({@link TokenSync},
 * {@link PairingSync}, {@link SharedAudit}, {@link SharedDurableMessages},
 * {@link SharedCertificates}, {@link SharedSecrets}). The hub's master key must be the cluster's:
 * the first to reach a new cluster, it becomes the cluster's.
 * The hash {@code N:migrated} remembers, per data folder, which audit entries and durable
 * messages were copied, so that a second run copies only what is new; tokens and pairings are
 * compared as the hubs compare them (a revocation and a later step win).
 */
public final class ClusterMigration {
    /** The hub named in migrated audit entries: they were written by a hub that was not yet in the cluster. */
    static final String MIGRATED_FROM = "migrated";

    /** What one run copied, and what it found in Redis already. */
    public record Moved(int tokens, int tokensThere, int pairings, int pairingsThere, int auditEntries,
            int auditThere, int durableMessages, int durableThere, int certificates, int certificatesThere,
            int secrets, int secretsThere, String where) {
    }

    private ClusterMigration() {
    }

    /**
     * Copies what {@code db} holds into the cluster {@code clusterName} on the Redis at {@code redisUri}.
     *
     * @param settings the hub's settings: durable quotas and lifetime, pairing settings
     * @throws ClusterUnreachableException when Redis does not answer
     * @throws MasterKeyMismatchException when the hub's master key is not the cluster's; nothing is copied
     */
    public static Moved run(Database db, HubConfig settings, String redisUri, String clusterName) {
        ClusterKeys keys = new ClusterKeys(clusterName);
        Clock clock = Clock.systemUTC();
        String source = db.dataDir().toString();
        try (RedisLink link = RedisLink.connect(redisUri)) {
            StatefulRedisConnection<String, String> connection = link.connectAnother();
            RedisCommands<String, String> redis = connection.sync();
            // First, before anything is copied: the certificates and secrets must stay readable by the hubs.
            MasterKey key = MasterKey.at(settings.certs().masterKeyBytes(),
                    settings.certs().masterKeyPath(db.dataDir()));
            String keyWhere = settings.certs().masterKeyBytes().isPresent() ? "certs.masterKey"
                    : "the file " + settings.certs().masterKeyPath(db.dataDir());
            ClusterMasterKey.check(link.async(), keys, link.where(), key, keyWhere).ifPresent(problem -> {
                throw new MasterKeyMismatchException("nothing was copied: " + problem.replace(" and restart it",
                        " (or --data a folder whose hub has it)"));
            });

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
            int[] certificates = copyCertificates(new SharedCertificates(MIGRATED_FROM, keys, link.async(),
                    link.where()), CertificateRecords.in(db), clock.instant());
            int[] secrets = copySecrets(redis, keys, key, new RegistryStore(db).loadAll());
            return new Moved(tokens[0], tokens[1], pairings[0], pairings[1], audit[0], audit[1], durable,
                    durableThere, certificates[0], certificates[1], secrets[0], secrets[1], link.where());
        }
    }

    /** Copies the certificates the cluster does not have yet by name; one it has is the cluster's (it may be newer). */
    private static int[] copyCertificates(SharedCertificates shared, CertificateRecords mine, Instant now) {
        int copied = 0;
        int there = 0;
        for (StoredCertificate cert : mine.all()) {
            if (shared.find(cert.name()).isPresent()) {
                there++;
                continue;
            }
            if (cert.issued()) {
                shared.saveIssued(cert, now);
            } else {
                shared.declare(cert.name(), cert.domains(), now);
            }
            for (String[] installed : mine.installations(cert.name())) {
                shared.saveInstallation(cert.name(), installed[0], installed[1], Instant.parse(installed[2]));
            }
            copied++;
        }
        return new int[] {copied, there};
    }

    /** Copies the secrets of the services in the hub's registry, encrypted, where the cluster has none for them. */
    private static int[] copySecrets(RedisCommands<String, String> redis, ClusterKeys keys, MasterKey key,
            List<ServiceEntry> services) {
        int copied = 0;
        int there = 0;
        for (ServiceEntry entry : services) {
            if (entry.service().secrets().isEmpty()) {
                continue;
            }
            if (redis.hsetnx(keys.secrets(), entry.id().toString(), SharedSecrets.seal(key, entry.id(),
                    entry.service().secrets()))) {
                copied++;
            } else {
                there++;
            }
        }
        return new int[] {copied, there};
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
