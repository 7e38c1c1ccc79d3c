package dev.roadie.hub.cluster;

import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.registry.RegistryEvents;
import dev.roadie.hub.registry.RegistryListener;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistryEvent.Change;
import dev.roadie.model.registry.RegistryStats;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.FrameCodec;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry across hubs (docs/CLUSTER.md, "The registry across hubs"). Each hub stays the
 * authority for the services connected to it; this mirror hands its changes to the others and
 * keeps a copy of theirs:
 *
 * <ul>
 *   <li>out: every change of this hub's registry is published once on {@code N:registry} and
 *       written to this hub's hash {@code N:registry:ID} (leased as its presence), which a hub
 *       that joins later reads; stats are held and published once per {@code registry.publishInterval}
 *       with the latest of each service, as this hub's own subscribers get them;</li>
 *   <li>in: another hub's change goes into the copy and to this hub's {@link RegistryEvents}, which
 *       hands it to the local subscribers with the same coalescing and the same secrets rules as a
 *       local change; {@code GET /api/services} and the snapshot read the copy beside the local
 *       registry;</li>
 *   <li>a hub that leaves (its presence lapsed) is not forgotten at once: its services go
 *       {@code down} by their lease, {@code registry.downAfter} after the hub was last alive, and
 *       are removed {@code registry.removeAfter} after that, as the leader decides and publishes
 *       once; each hub applies the decision and tells its own subscribers.</li>
 * </ul>
 */
final class RegistryMirror implements RegistryListener {
    private static final Logger log = LoggerFactory.getLogger(RegistryMirror.class);

    private final String self;
    private final ClusterKeys keys;
    private final RedisAsyncCommands<String, String> redis;
    private final Duration lease;
    private final Registry registry;
    private final RegistryEvents events;
    private final HubConfig.Registry leases;
    private final Clock clock;
    /** The services' secrets: the copies and the messages here carry none (docs/CLUSTER.md). */
    private final SharedSecrets secrets;
    /** The other hubs' entries by hub, as last heard. */
    private final Map<String, Map<ServiceId, ServiceEntry>> copies = new ConcurrentHashMap<>();
    /** The hubs that left, and when they were last alive (their presence lapsed a lease after). */
    private final Map<String, Instant> gone = new ConcurrentHashMap<>();
    /** This hub's stats not yet published, the latest per service. */
    private final Map<ServiceId, NodeStats> pendingStats = new ConcurrentHashMap<>();

    RegistryMirror(String self, ClusterKeys keys, RedisAsyncCommands<String, String> redis, Duration lease,
            Registry registry, RegistryEvents events, HubConfig.Registry leases, Clock clock, SharedSecrets secrets) {
        this.self = self;
        this.keys = keys;
        this.redis = redis;
        this.lease = lease;
        this.registry = registry;
        this.events = events;
        this.leases = leases;
        this.clock = clock;
        this.secrets = secrets;
    }

    // ---- this hub's changes, out ----

    @Override
    public void changed(RegistryEvent event) {
        String field = event.entry().id().toString();
        // First, on the same connection: the others have the secrets before they hear of the change.
        boolean removed = event.change() == Change.removed;
        secrets.share(event.entry(), removed, removed && aliveOnAnotherHub(event.entry().id(), self));
        ServiceEntry entry = event.entry().withoutSecrets();
        if (event.change() == Change.removed) {
            redis.hdel(keys.registry(self), field);
        } else {
            redis.hset(keys.registry(self), field, json(entry));
        }
        redis.publish(keys.registryEvents(), self + "\nc\n" + json(new RegistryEvent(event.change(), entry)));
    }

    @Override
    public void stats(ServiceId service, NodeStats stats) {
        pendingStats.put(service, stats);
    }

    /** Publishes the stats held since the last flush, in one message; every {@code registry.publishInterval}. */
    void flush() {
        if (pendingStats.isEmpty()) {
            return;
        }
        List<RegistryStats.Update> updates = new ArrayList<>();
        for (ServiceId service : List.copyOf(pendingStats.keySet())) {
            NodeStats stats = pendingStats.remove(service);
            if (stats != null) {
                updates.add(new RegistryStats.Update(service, stats));
            }
        }
        redis.publish(keys.registryEvents(), self + "\ns\n" + json(new RegistryStats(updates)));
    }

    /** Renews this hub's hash with its presence; writes it whole when Redis lost it (a restart). */
    void heartbeat() {
        redis.pexpire(keys.registry(self), lease.toMillis()).thenAccept(renewed -> {
            List<ServiceEntry> mine = registry.list();
            if (!renewed && !mine.isEmpty()) {
                Map<String, String> all = new HashMap<>();
                mine.forEach(entry -> all.put(entry.id().toString(), json(entry.withoutSecrets())));
                redis.hset(keys.registry(self), all);
                redis.pexpire(keys.registry(self), lease.toMillis());
            }
        });
    }

    // ---- the other hubs' changes, in ----

    /** A message on {@code N:registry}: another hub's change or stats. */
    void heard(String text) {
        int first = text.indexOf('\n');
        String hub = text.substring(0, first);
        if (hub.equals(self)) {
            return;
        }
        char what = text.charAt(first + 1);
        String body = text.substring(first + 3);
        if (what == 'l') {
            // The leader's lease decision about a hub that left: not a sign that the hub is back.
            int leaderEnd = body.indexOf('\n');
            if (!body.substring(0, leaderEnd).equals(self)) {
                applyDecision(hub, FrameCodec.DEFAULT.mapper().readValue(body.substring(leaderEnd + 1),
                        RegistryEvent.class));
            }
            return;
        }
        if (gone.remove(hub) != null) {
            log.info("Hub {} is back: its services are its own again", hub);
        }
        Map<ServiceId, ServiceEntry> copy = copies.computeIfAbsent(hub, h -> new ConcurrentHashMap<>());
        if (what == 'c') {
            RegistryEvent event = FrameCodec.DEFAULT.mapper().readValue(body, RegistryEvent.class);
            ServiceId id = event.entry().id();
            boolean alive = event.change() != Change.removed && event.entry().state() != ServiceState.DOWN;
            if (!alive && aliveOnAnotherHub(id, hub)) {
                // The service moved to another hub, which holds it alive; the hub it left only now
                // lets its old entry go (down by its lease, then removed). That is no news about the
                // service: subscribers keep the live entry, and the stale one is dropped.
                copy.remove(id);
                return;
            }
            if (event.change() == Change.removed) {
                copy.remove(id);
            } else {
                copy.put(id, event.entry());
            }
            if (alive) {
                // The service moved here from another hub: the copy of the hub it left is out of date.
                copies.forEach((other, entries) -> {
                    if (!other.equals(hub)) {
                        entries.remove(id);
                    }
                });
            }
            if (!servedHere(id)) {
                events.changed(new RegistryEvent(event.change(), secrets.with(event.entry())));
            }
        } else if (what == 's') {
            RegistryStats stats = FrameCodec.DEFAULT.mapper().readValue(body, RegistryStats.class);
            for (RegistryStats.Update update : stats.updates()) {
                ServiceEntry entry = copy.computeIfPresent(update.service(), (id, old) -> new ServiceEntry(
                        old.service(), old.state(), update.stats(), old.owner(), old.announcedAt(), old.lastSeen()));
                if (entry != null && !servedHere(update.service())) {
                    events.stats(update.service(), update.stats());
                }
            }
        }
    }

    /** Whether a hub other than {@code except}, still in the cluster, holds the service alive. */
    private boolean aliveOnAnotherHub(ServiceId id, String except) {
        for (Map.Entry<String, Map<ServiceId, ServiceEntry>> copy : copies.entrySet()) {
            ServiceEntry entry = copy.getValue().get(id);
            if (!copy.getKey().equals(except) && entry != null && entry.state() != ServiceState.DOWN
                    && !gone.containsKey(copy.getKey())) {
                return true;
            }
        }
        return false;
    }

    /** Whether this hub's own registry has the service alive: then its events are this hub's to tell. */
    private boolean servedHere(ServiceId id) {
        return registry.get(id).filter(entry -> entry.state() != ServiceState.DOWN).isPresent();
    }

    /** Reads the entries of {@code hub} from Redis (a hub that joins learns what is there already). */
    CompletableFuture<Void> load(String hub) {
        return redis.hgetall(keys.registry(hub)).toCompletableFuture().thenAccept(fields -> {
            Map<ServiceId, ServiceEntry> copy = copies.computeIfAbsent(hub, h -> new ConcurrentHashMap<>());
            fields.values().forEach(value -> {
                ServiceEntry entry = FrameCodec.DEFAULT.mapper().readValue(value, ServiceEntry.class);
                copy.putIfAbsent(entry.id(), entry);
            });
        });
    }

    /**
     * Rereads the entries of each of {@code hubs} (those alive now) from their hashes and makes
     * the copy match, telling this hub's subscribers what differs, as if they had heard it: a
     * change published while this hub could not hear (cut off from Redis) heals now instead of
     * at that service's next change. Run when the link to Redis is back and when this hub starts
     * to lead (it decides the leases from its copy). Stats are kept from the copy: the hash
     * holds the entry as of its last change, not its latest stats.
     */
    CompletableFuture<Void> resync(java.util.Set<String> hubs) {
        return CompletableFuture.allOf(hubs.stream().filter(hub -> !hub.equals(self) && !gone.containsKey(hub))
                .map(hub -> redis.hgetall(keys.registry(hub)).toCompletableFuture()
                        .thenAccept(fields -> matchCopy(hub, fields)))
                .toArray(CompletableFuture[]::new));
    }

    private void matchCopy(String hub, Map<String, String> fields) {
        Map<ServiceId, ServiceEntry> copy = copies.computeIfAbsent(hub, h -> new ConcurrentHashMap<>());
        Map<ServiceId, ServiceEntry> stored = new HashMap<>();
        fields.values().forEach(value -> {
            ServiceEntry entry = FrameCodec.DEFAULT.mapper().readValue(value, ServiceEntry.class);
            stored.put(entry.id(), entry);
        });
        stored.forEach((id, entry) -> {
            ServiceEntry known = copy.get(id);
            if (known != null && known.state() == entry.state() && java.util.Objects.equals(known.announcedAt(),
                    entry.announcedAt()) && known.service().equals(entry.service())) {
                return;
            }
            ServiceEntry healed = known == null || known.stats() == null ? entry : new ServiceEntry(entry.service(),
                    entry.state(), known.stats(), entry.owner(), entry.announcedAt(), entry.lastSeen());
            copy.put(id, healed);
            log.info("Registry copy of hub {} healed: {} is {} there", hub, id, entry.state().wire());
            if (!servedHere(id)) {
                events.changed(new RegistryEvent(known == null ? Change.added : Change.changed, healed));
            }
        });
        for (ServiceEntry known : List.copyOf(copy.values())) {
            if (!stored.containsKey(known.id())) {
                copy.remove(known.id());
                log.info("Registry copy of hub {} healed: {} is no longer there", hub, known.id());
                if (!servedHere(known.id())) {
                    events.changed(new RegistryEvent(Change.removed, known));
                }
            }
        }
    }

    /** Hub {@code hub} left: its presence lapsed, so it was last alive about a lease ago. */
    void hubGone(String hub) {
        if (copies.containsKey(hub)) {
            gone.putIfAbsent(hub, clock.instant().minus(lease));
        }
    }

    /**
     * Applies the leases to the services of the hubs that left, on the leader only: down
     * {@code registry.downAfter} after the hub was last alive, removed {@code registry.removeAfter}
     * after that. The leader tells its own subscribers and publishes each change once ({@code l},
     * under the id of the hub that left), and every other hub applies it to its copy as heard, so
     * that the whole cluster sees one decision at one time. Every heartbeat.
     */
    void sweep(boolean leading) {
        if (!leading) {
            return;
        }
        Instant now = clock.instant();
        gone.forEach((hub, lastAlive) -> {
            Map<ServiceId, ServiceEntry> copy = copies.getOrDefault(hub, Map.of());
            boolean removeDue = lastAlive.plus(leases.removeAfter()).isBefore(now);
            boolean downDue = lastAlive.plus(leases.downAfter()).isBefore(now);
            for (ServiceEntry entry : List.copyOf(copy.values())) {
                boolean leaseRuns = entry.state() == ServiceState.UP || entry.state() == ServiceState.DRAINING;
                if (leaseRuns && downDue) {
                    ServiceEntry down = new ServiceEntry(entry.service(), ServiceState.DOWN, entry.stats(),
                            entry.owner(), entry.announcedAt(), lastAlive);
                    decided(hub, new RegistryEvent(Change.changed, down));
                } else if (!leaseRuns && removeDue) {
                    decided(hub, new RegistryEvent(Change.removed, entry));
                }
            }
        });
    }

    /** A lease decision of this hub, the leader, about a service of hub {@code hub} that left: applied here, told to all. */
    private void decided(String hub, RegistryEvent event) {
        applyDecision(hub, event);
        if (event.change() == Change.removed && !servedHere(event.entry().id())) {
            secrets.forget(event.entry().id());
        }
        redis.publish(keys.registryEvents(), hub + "\nl\n" + self + "\n" + json(event));
    }

    /** Applies a lease decision about a service of hub {@code hub} that left, and tells this hub's subscribers. */
    private void applyDecision(String hub, RegistryEvent event) {
        Map<ServiceId, ServiceEntry> copy = copies.get(hub);
        ServiceId id = event.entry().id();
        if (copy == null || !copy.containsKey(id)) {
            return; // nothing known of it here (this hub joined after): nothing to tell
        }
        if (event.change() == Change.removed) {
            copy.remove(id);
        } else {
            copy.put(id, event.entry());
        }
        if (!servedHere(id)) {
            events.changed(new RegistryEvent(event.change(), secrets.with(event.entry())));
        }
        if (copy.isEmpty()) {
            copies.remove(hub);
            gone.remove(hub);
        }
    }

    /**
     * The other hub that holds {@code id}, the one to make its changes: one whose copy has it alive,
     * else one that has it down. A hub that left may be named: nobody answers there, and the
     * caller is told it is gone.
     */
    Optional<String> holder(ServiceId id) {
        String down = null;
        for (Map.Entry<String, Map<ServiceId, ServiceEntry>> copy : copies.entrySet()) {
            ServiceEntry entry = copy.getValue().get(id);
            if (entry == null) {
                continue;
            }
            if (entry.state() != ServiceState.DOWN) {
                return Optional.of(copy.getKey());
            }
            down = copy.getKey();
        }
        return Optional.ofNullable(down);
    }

    /** The other hubs' services, as last heard: what the registry lists beside its own. */
    Collection<ServiceEntry> entries() {
        List<ServiceEntry> all = new ArrayList<>();
        copies.values().forEach(copy -> copy.values().forEach(entry -> all.add(secrets.with(entry))));
        return all;
    }

    private static String json(Object value) {
        return FrameCodec.DEFAULT.mapper().writeValueAsString(value);
    }
}
