package dev.roadie.client.internal;

import dev.roadie.client.IncomingMessage;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.NodeListener;
import dev.roadie.client.Subscription;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.RegistryStats;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link NodeDirectory}: audio nodes as the hub's registry events describe them. Updated on
 * the event thread; read from any thread.
 */
final class RegistryView implements NodeDirectory {
    private static final Logger log = LoggerFactory.getLogger(RegistryView.class);
    private static final Address REGISTRY = Address.topic(RegistryEvent.TOPIC);

    private final String client;
    private final Map<ServiceId, ServiceEntry> nodes = new ConcurrentHashMap<>();
    private final List<NodeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Subscription subscription;
    /** The parts of a snapshot received so far, until its last; touched on the event thread only. */
    private List<ServiceEntry> snapshotParts;

    RegistryView(String client) {
        this.client = client;
    }

    void start(ClientCore core) {
        subscription = core.subscribe(RegistryEvent.TOPIC, this::onEvent);
    }

    void onEvent(IncomingMessage message) {
        // Only the hub publishes on topic registry; the same subject through another address is a client's.
        if (!REGISTRY.equals(message.to())) {
            return;
        }
        if (RegistrySnapshot.SUBJECT.equals(message.subject())) {
            onSnapshot(message);
            return;
        }
        if (RegistryStats.SUBJECT.equals(message.subject())) {
            onStats(message);
            return;
        }
        if (!RegistryEvent.SUBJECT.equals(message.subject())) {
            return;
        }
        RegistryEvent event;
        try {
            event = message.as(RegistryEvent.class);
        } catch (FrameException e) {
            log.warn("[{}] Ignored a registry event that does not decode: {}", client, e.getMessage());
            return;
        }
        ServiceEntry entry = event.entry();
        if (entry == null || event.change() == null || !KIND.equals(entry.id().kind())) {
            return;
        }
        switch (event.change()) {
            case added, changed -> put(entry);
            case removed -> {
                ServiceEntry before = nodes.remove(entry.id());
                if (before != null) {
                    tell(listener -> listener.removed(before));
                    leavingIfUp(before, null);
                }
            }
        }
    }

    /**
     * A new subscription's full picture, in one or more parts: once the last is in, nodes it
     * lacks were removed while this client was away (a hub restart, a new session), so they go;
     * the others are added or updated.
     */
    private void onSnapshot(IncomingMessage message) {
        RegistrySnapshot snapshot;
        try {
            snapshot = message.as(RegistrySnapshot.class);
        } catch (FrameException e) {
            log.warn("[{}] Ignored a registry snapshot that does not decode: {}", client, e.getMessage());
            snapshotParts = null;
            return;
        }
        if (snapshot.part() == 1 || snapshotParts == null) {
            snapshotParts = new java.util.ArrayList<>();
        }
        snapshotParts.addAll(snapshot.entries());
        if (!snapshot.lastPart()) {
            return;
        }
        List<ServiceEntry> entries = snapshotParts;
        snapshotParts = null;
        Map<ServiceId, ServiceEntry> now = new java.util.HashMap<>();
        entries.stream().filter(e -> KIND.equals(e.id().kind())).forEach(e -> now.put(e.id(), e));
        for (ServiceEntry before : List.copyOf(nodes.values())) {
            if (!now.containsKey(before.id()) && nodes.remove(before.id(), before)) {
                tell(listener -> listener.removed(before));
                leavingIfUp(before, null);
            }
        }
        now.values().forEach(this::put);
    }

    private void put(ServiceEntry entry) {
        ServiceEntry before = nodes.put(entry.id(), entry);
        if (before == null) {
            tell(listener -> listener.added(entry));
        } else if (!before.equals(entry)) {
            tell(listener -> listener.changed(before, entry));
            if (entry.state() != ServiceState.UP) {
                leavingIfUp(before, entry);
            }
        }
    }

    /** An up node that stopped taking players: its players must move (NodeListener.leaving). */
    private void leavingIfUp(ServiceEntry before, ServiceEntry after) {
        if (before.state() == ServiceState.UP) {
            tell(listener -> listener.leaving(before, after));
        }
    }

    /** New stats of nodes this view knows: only the stats change; updates for unknown nodes are dropped. */
    private void onStats(IncomingMessage message) {
        RegistryStats stats;
        try {
            stats = message.as(RegistryStats.class);
        } catch (FrameException e) {
            log.warn("[{}] Ignored registry stats that do not decode: {}", client, e.getMessage());
            return;
        }
        for (RegistryStats.Update update : stats.updates()) {
            if (update.service() == null || !KIND.equals(update.service().kind())) {
                continue;
            }
            ServiceEntry before = nodes.get(update.service());
            if (before == null || java.util.Objects.equals(before.stats(), update.stats())) {
                continue;
            }
            ServiceEntry after = new ServiceEntry(before.service(), before.state(), update.stats(), before.owner(),
                    before.announcedAt(), before.lastSeen());
            if (nodes.replace(update.service(), before, after)) {
                tell(listener -> listener.changed(before, after));
            }
        }
    }

    private void tell(Consumer<NodeListener> call) {
        for (NodeListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("[{}] A node listener failed", client, e);
            }
        }
    }

    @Override
    public List<ServiceEntry> nodes() {
        return nodes.values().stream().sorted(Comparator.comparing(e -> e.id().name()))
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public List<ServiceEntry> usable() {
        return nodes().stream().filter(e -> e.state() == ServiceState.UP).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public Optional<ServiceEntry> node(ServiceId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    @Override
    public AutoCloseable addListener(NodeListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletableFuture<Void> ready() {
        return subscription.ready();
    }
}
