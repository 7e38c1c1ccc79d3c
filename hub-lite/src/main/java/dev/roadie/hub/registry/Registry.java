package dev.roadie.hub.registry;

import dev.roadie.hub.config.HubConfig;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistryEvent.Change;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services that announced themselves. Liveness is a lease, not an open socket: a service
 * stays up while its announcing connection is heard from, goes down when nothing was heard
 * for {@code downAfter}, and is forgotten after {@code removeAfter}. A service belongs to the
 * identity that announced it for as long as that lease lives, so that nobody else can redirect
 * its traffic. Every change is stored and passed to the listener, which publishes it on topic
 * {@code registry}.
 */
public final class Registry {
    private static final Logger log = LoggerFactory.getLogger(Registry.class);

    private final Map<ServiceId, ServiceEntry> entries = new ConcurrentHashMap<>();
    private final RegistryStore store;
    private final Clock clock;
    private final HubConfig.Registry leases;
    private final DescriptorLimits descriptorLimits;
    private final RegistryListener listener;
    /** The services of the other hubs of a cluster, as this hub last heard of them; none for a hub on its own. */
    private volatile java.util.function.Supplier<java.util.Collection<ServiceEntry>> elsewhere = List::of;
    /** The hubs that hold the services of {@link #elsewhere}, which make the changes to them. */
    private volatile RegistryElsewhere holders = RegistryElsewhere.NONE;

    public Registry(RegistryStore store, Clock clock, HubConfig.Registry leases, RegistryListener listener) {
        this.store = store;
        this.clock = clock;
        this.leases = leases;
        this.descriptorLimits = new DescriptorLimits(leases);
        this.listener = listener;
        Instant now = now();
        for (ServiceEntry stored : store.loadAll()) {
            try {
                descriptorLimits.check(stored.service());
            } catch (AnnounceRefusedException e) {
                // Stored before the limits were this tight: it would fatten every snapshot, so it
                // goes; its service, if real, announces again within the limits.
                log.warn("Registry dropped the stored service {}: {}", stored.id(), e.getMessage());
                store.delete(stored.id());
                continue;
            }
            // Nobody is connected to a hub that just started: the lease starts again from now,
            // so services that come back in time never look down.
            entries.put(stored.id(), new ServiceEntry(stored.service(), stored.state(), stored.stats(), stored.owner(),
                    stored.announcedAt(), stored.state() == ServiceState.DOWN ? stored.lastSeen() : now));
        }
        if (!entries.isEmpty()) {
            log.info("Registry restored {} services from the data folder", entries.size());
        }
    }

    /**
     * Adds or updates a service for {@code owner}, the announcing token's identity
     * ({@code KIND/NAME}); its state becomes up unless it was retired or draining.
     *
     * <p>A service belongs to its owner while its lease lives: an announce of it by another
     * identity is refused unless {@code takeover} (which the caller allows only to admins) is
     * set. Once it is down (its lease ran out) or removed, anyone allowed to announce it may.
     *
     * @throws AnnounceRefusedException when it belongs to another identity ({@code forbidden}),
     *     the descriptor is over a limit ({@code too-large}), or the owner has
     *     {@code registry.maxServicesPerOwner} services already ({@code limit-reached})
     */
    public Announced announce(ServiceDescriptor descriptor, String owner, boolean takeover) {
        descriptorLimits.check(descriptor);
        ServiceId serviceId = descriptor.id();
        ServiceEntry current = entries.get(serviceId);
        if (current == null || !owner.equals(current.owner())) {
            long owned = entries.values().stream()
                    .filter(e -> owner.equals(e.owner()) && !e.id().equals(serviceId)).count();
            if (owned >= leases.maxServicesPerOwner()) {
                throw new AnnounceRefusedException(ErrorCode.LIMIT_REACHED, owner + " has " + owned
                        + " services in the registry, the most one identity may have (registry.maxServicesPerOwner);"
                        + " retire one and let it be removed, or announce from another token");
            }
        }
        Instant now = now();
        ServiceEntry[] result = new ServiceEntry[1];
        Change[] change = new Change[1];
        String[] takenFrom = new String[1];
        boolean[] same = new boolean[1];
        entries.compute(serviceId, (id, old) -> {
            if (old != null && belongsToAnother(old, owner)) {
                if (!takeover) {
                    throw new AnnounceRefusedException(ErrorCode.FORBIDDEN, id + " belongs to " + old.owner()
                            + ", which announced it, until its lease runs out (registry.downAfter after its link is"
                            + " lost); announce a service of your own, or ask an admin to take it over");
                }
                takenFrom[0] = old.owner();
            }
            ServiceState state = old == null || old.state() == ServiceState.DOWN ? ServiceState.UP : old.state();
            change[0] = old == null ? Change.added : Change.changed;
            result[0] = new ServiceEntry(descriptor, state, old == null ? null : old.stats(), owner,
                    old == null ? now : old.announcedAt(), now);
            same[0] = old != null && old.service().equals(descriptor) && old.state() == state
                    && owner.equals(old.owner());
            return result[0];
        });
        store.save(result[0]);
        if (same[0]) {
            // Only the lease was renewed: subscribers are not sent the whole entry again for that,
            // or a client re-announcing in a loop would cost every one of them as much.
            log.debug("Service {} announced again by {}, unchanged", serviceId, owner);
            return new Announced(result[0], Optional.empty());
        }
        if (takenFrom[0] != null) {
            log.warn("Service {} taken over from {} by {}", serviceId, takenFrom[0], owner);
        } else {
            log.info("Service {} announced by {} ({})", serviceId, owner, change[0]);
        }
        listener.changed(new RegistryEvent(change[0], result[0]));
        return new Announced(result[0], Optional.ofNullable(takenFrom[0]));
    }

    /** Whether {@code entry} is held by an identity other than {@code owner}: its lease still runs. */
    private static boolean belongsToAnother(ServiceEntry entry, String owner) {
        return entry.owner() != null && !entry.owner().equals(owner) && entry.state() != ServiceState.DOWN;
    }

    /**
     * New stats for a service. Not written on their own (they change every few seconds); they
     * are stored with the next announce or state change.
     */
    public Optional<ServiceEntry> stats(ServiceId id, NodeStats stats) {
        ServiceEntry updated = entries.computeIfPresent(id, (key, old) -> new ServiceEntry(old.service(), old.state(),
                stats, old.owner(), old.announcedAt(), now()));
        if (updated != null) {
            listener.stats(id, stats);
        }
        return Optional.ofNullable(updated);
    }

    /** Moves a service to another state; empty when it is unknown. */
    public Optional<ServiceEntry> setState(ServiceId id, ServiceState state, String actor) {
        ServiceEntry updated = entries.computeIfPresent(id, (key, old) -> new ServiceEntry(old.service(), state,
                old.stats(), old.owner(), old.announcedAt(), old.lastSeen()));
        if (updated != null) {
            store.save(updated);
            log.info("Service {} is now {} (by {})", id, state.wire(), actor);
            listener.changed(new RegistryEvent(Change.changed, updated));
        }
        return Optional.ofNullable(updated);
    }

    /**
     * Applies the leases. {@code heardAt} gives, for a service whose connection is alive, when
     * that connection was last heard from (its lease is renewed to then); for the others the
     * lease runs: down after {@code downAfter} unheard, forgotten after {@code removeAfter}.
     */
    public void sweep(Function<ServiceId, Optional<Instant>> heardAt) {
        Instant now = now();
        for (ServiceEntry entry : List.copyOf(entries.values())) {
            Optional<Instant> heard = heardAt.apply(entry.id());
            if (heard.isPresent()) {
                entries.computeIfPresent(entry.id(), (id, old) -> new ServiceEntry(old.service(), old.state(),
                        old.stats(), old.owner(), old.announcedAt(),
                        heard.get().truncatedTo(ChronoUnit.MILLIS)));
                if (entry.state() == ServiceState.DOWN) {
                    // Its connection is back and heard from: alive again.
                    setState(entry.id(), ServiceState.UP, "lease");
                }
                continue;
            }
            Instant seen = entry.lastSeen();
            boolean leaseRuns = entry.state() == ServiceState.UP || entry.state() == ServiceState.DRAINING;
            if (leaseRuns && seen.plus(leases.downAfter()).isBefore(now)) {
                setState(entry.id(), ServiceState.DOWN, "lease");
            } else if (!leaseRuns && seen.plus(leases.removeAfter()).isBefore(now)) {
                if (entries.remove(entry.id(), entry)) {
                    store.delete(entry.id());
                    log.info("Service {} forgotten: not seen since {}", entry.id(), seen);
                    listener.changed(new RegistryEvent(Change.removed, entry));
                }
            }
        }
    }

    /**
     * The time of a change, to the millisecond: the store keeps epoch milliseconds, and an entry
     * must read the same before and after a restart (announcedAt would otherwise lose its
     * sub-millisecond part when the hub restarts, and clients would see it change).
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Optional<ServiceEntry> get(ServiceId id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Every entry, sorted by kind and name. */
    public List<ServiceEntry> list() {
        return entries.values().stream()
                .sorted(Comparator.comparing((ServiceEntry e) -> e.id().kind()).thenComparing(e -> e.id().name()))
                .toList();
    }

    /** In a cluster: where the other hubs' services are read from, for {@link #listEverywhere}. */
    public void elsewhere(java.util.function.Supplier<java.util.Collection<ServiceEntry>> others) {
        this.elsewhere = others;
    }

    /** In a cluster: the other hubs that make the changes to their own services ({@link #setStateWherever}). */
    public void heldElsewhere(RegistryElsewhere holders) {
        this.holders = holders;
    }

    /**
     * Moves a service to another state on the hub that holds it, its authority: this hub when the
     * entry {@link #getEverywhere} finds is its own, else the other hub of the cluster that holds it
     * (one request to it). Completes with the entry as changed, empty when no hub holds it; with a
     * {@link RegistryElsewhereException} when the other hub could not make it.
     */
    public java.util.concurrent.CompletableFuture<Optional<ServiceEntry>> setStateWherever(ServiceId id,
            ServiceState state, String actor) {
        return heldBy(id).map(hub -> holders.setState(hub, id, state, actor))
                .orElseGet(() -> java.util.concurrent.CompletableFuture.completedFuture(setState(id, state, actor)));
    }

    /** New stats for a service, made on the hub that holds it as {@link #setStateWherever} is. */
    public java.util.concurrent.CompletableFuture<Optional<ServiceEntry>> statsWherever(ServiceId id,
            NodeStats stats) {
        return heldBy(id).map(hub -> holders.stats(hub, id, stats))
                .orElseGet(() -> java.util.concurrent.CompletableFuture.completedFuture(stats(id, stats)));
    }

    /** The other hub that is the authority for {@code id}; empty when this hub is (or nobody is). */
    private Optional<String> heldBy(ServiceId id) {
        ServiceEntry mine = entries.get(id);
        Optional<ServiceEntry> found = getEverywhere(id);
        if (found.isEmpty() || found.get() == mine) {
            return Optional.empty();
        }
        return holders.holder(id);
    }

    /**
     * Every service of the cluster, sorted by kind and name: this hub's, then those of the other
     * hubs it does not have itself (one service connected to two hubs is listed once, as here).
     * The same as {@link #list} for a hub on its own.
     */
    public List<ServiceEntry> listEverywhere() {
        java.util.Collection<ServiceEntry> others = elsewhere.get();
        if (others.isEmpty()) {
            return list();
        }
        Map<ServiceId, ServiceEntry> all = new java.util.HashMap<>(entries);
        others.forEach(entry -> all.merge(entry.id(), entry, Registry::livelier));
        return all.values().stream()
                .sorted(Comparator.comparing((ServiceEntry e) -> e.id().kind()).thenComparing(e -> e.id().name()))
                .toList();
    }

    /** A service of this hub, else of another hub of the cluster; the one up when it moved hubs. */
    public Optional<ServiceEntry> getEverywhere(ServiceId id) {
        Optional<ServiceEntry> there = elsewhere.get().stream().filter(entry -> entry.id().equals(id)).findFirst();
        return get(id).map(mine -> there.map(theirs -> livelier(mine, theirs)).orElse(mine)).or(() -> there);
    }

    /** Of two entries of one service, this hub's, unless it is down and the other hub's is not (it moved there). */
    private static ServiceEntry livelier(ServiceEntry mine, ServiceEntry theirs) {
        return mine.state() == ServiceState.DOWN && theirs.state() != ServiceState.DOWN ? theirs : mine;
    }

    /** How many services are in each state, for metrics. */
    public Map<ServiceState, Long> countByState() {
        Map<ServiceState, Long> counts = new java.util.EnumMap<>(ServiceState.class);
        for (ServiceState state : ServiceState.values()) {
            counts.put(state, 0L);
        }
        entries.values().forEach(e -> counts.merge(e.state(), 1L, Long::sum));
        return counts;
    }
}
