package dev.roadie.hub.cluster;

import dev.roadie.hub.certs.MasterKey;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.FrameCodec;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

/**
 * The services' secrets across hubs (docs/CLUSTER.md, "Certificates and secrets"). The registry's
 * copies travel without them; the secrets of each service go, encrypted under the master key the
 * hubs share, into the hash {@code N:secrets} (for hubs that join later and for
 * {@code roadie cluster migrate}) and, encrypted as well, onto the channel {@code N:secrets},
 * published before the registry change on the same connection, so that a hub has them before it
 * tells its subscribers of the change. Every hub keeps them decrypted in memory, as it keeps its
 * own services' secrets, and gives them only to principals with {@code secrets:KIND}, as for its own.
 */
final class SharedSecrets {
    private static final Logger log = LoggerFactory.getLogger(SharedSecrets.class);
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };

    private final String hash;
    private final RedisAsyncCommands<String, String> redis;
    private final MasterKey key;
    /** False when this hub's master key is not the cluster's: it neither shares nor reads any. */
    private final boolean usable;
    /** Every service's secrets as last heard, by service. */
    private final Map<ServiceId, Map<String, String>> known = new ConcurrentHashMap<>();
    /** What this hub last shared per service, so that a state change writes nothing. */
    private final Map<ServiceId, Map<String, String>> shared = new ConcurrentHashMap<>();
    /** The encrypted value this hub last wrote per service: it deletes only that, never another hub's newer one. */
    private final Map<ServiceId, String> written = new ConcurrentHashMap<>();
    /** Deletes the field only while it still holds what this hub wrote. */
    private static final String DELETE_MINE = "if redis.call('hget', KEYS[1], ARGV[1]) == ARGV[2] then"
            + " return redis.call('hdel', KEYS[1], ARGV[1]) else return 0 end";

    SharedSecrets(ClusterKeys keys, RedisAsyncCommands<String, String> redis, MasterKey key, boolean usable) {
        this.usable = usable;
        this.hash = keys.secrets();
        this.redis = redis;
        this.key = key;
    }

    /** Reads what the cluster holds, at start. */
    CompletableFuture<Void> load() {
        if (!usable) {
            return CompletableFuture.completedFuture(null);
        }
        return redis.hgetall(hash).toCompletableFuture().thenAccept(all -> all.forEach(this::take));
    }

    /**
     * The secrets of a service of this hub, after a change of its entry; nothing when they are as
     * last shared.
     *
     * @param removed      the service left this hub's registry
     * @param aliveElsewhere another hub holds it now (it moved): its secrets are that hub's to keep
     */
    void share(ServiceEntry entry, boolean removed, boolean aliveElsewhere) {
        if (!usable) {
            return;
        }
        ServiceId id = entry.id();
        Map<String, String> secrets = removed ? Map.of() : entry.service().secrets();
        Map<String, String> before = shared.get(id); // null: none shared by this hub
        if (secrets.isEmpty() ? before == null : secrets.equals(before)) {
            return;
        }
        String field = id.toString();
        if (secrets.isEmpty()) {
            shared.remove(id);
            String mine = written.remove(id);
            if (removed && aliveElsewhere) {
                return;
            }
            known.remove(id);
            if (mine != null) {
                redis.eval(DELETE_MINE, io.lettuce.core.ScriptOutputType.INTEGER, new String[] {hash}, field, mine);
            }
            redis.publish(hash, field + "\n");
            return;
        }
        shared.put(id, secrets);
        known.put(id, secrets);
        String sealed = seal(id, secrets);
        written.put(id, sealed);
        redis.hset(hash, field, sealed);
        redis.publish(hash, field + "\n" + sealed);
    }

    /** Forgets a service the leader removed by its lease. */
    void forget(ServiceId id) {
        if (!usable) {
            return;
        }
        known.remove(id);
        redis.hdel(hash, id.toString());
    }

    /** A notice on {@code N:secrets}: a service's new secrets, or none. */
    void heard(String text) {
        if (!usable) {
            return;
        }
        int end = text.indexOf('\n');
        String field = text.substring(0, end);
        String sealed = text.substring(end + 1);
        if (sealed.isEmpty()) {
            known.remove(ServiceId.parse(field));
        } else {
            take(field, sealed);
        }
    }

    private void take(String field, String sealed) {
        ServiceId id = ServiceId.parse(field);
        try {
            byte[] plain = key.decrypt(Base64.getDecoder().decode(sealed), context(id));
            known.put(id, FrameCodec.DEFAULT.mapper().readValue(new String(plain, StandardCharsets.UTF_8), MAP));
        } catch (RuntimeException e) {
            // Names only: never the value, sealed or not.
            log.warn("Cannot read the secrets of {} from the cluster: {}", field, e.getMessage());
        }
    }

    /** {@code entry} of another hub, with its service's secrets as known here. */
    ServiceEntry with(ServiceEntry entry) {
        Map<String, String> secrets = known.get(entry.id());
        if (secrets == null || secrets.isEmpty()) {
            return entry;
        }
        ServiceDescriptor d = entry.service();
        return new ServiceEntry(new ServiceDescriptor(d.kind(), d.name(), d.endpoint(), d.capabilities(), d.labels(),
                secrets), entry.state(), entry.stats(), entry.owner(), entry.announcedAt(), entry.lastSeen());
    }

    /** {@code secrets} of {@code id} encrypted under {@code key}, as the hubs keep them in {@code N:secrets}. */
    static String seal(MasterKey key, ServiceId id, Map<String, String> secrets) {
        byte[] plain = FrameCodec.DEFAULT.mapper().writeValueAsString(secrets).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(key.encrypt(plain, context(id)));
    }

    private String seal(ServiceId id, Map<String, String> secrets) {
        return seal(key, id, secrets);
    }

    private static String context(ServiceId id) {
        return "secrets:" + id;
    }
}
