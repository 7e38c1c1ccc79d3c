package dev.roadie.hub.registry;

import dev.roadie.hub.auth.Permissions;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.HubSender;
import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.RegistryStats;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Publishes registry changes on topic {@code registry}: subscribers that may read the service's
 * secrets get them, the others get the same event without.
 *
 * <p>What one client does must not cost every subscriber in proportion. Stats, which a service
 * may send many times a second, are kept per service and published by {@link #flush} as one
 * small {@code registry.stats} message with the latest stats of each service that sent any (a
 * hundred stats frames in an interval cost subscribers one update). A service's {@code changed}
 * events go out at once, but one that follows the last sooner than the interval waits for the next
 * flush, and a later one in the same state replaces it, so a client that re-announces a new
 * descriptor in a loop costs each subscriber at most one entry per interval. A held change is
 * never replaced by one in another state, but sent: every state a service goes through is seen.
 * {@code added} and {@code removed} are never held back. The snapshot a new subscriber gets is
 * sent in parts of about {@code partBytes}, so that no message grows with the registry.
 */
public final class RegistryEvents implements RegistryListener {
    private final SessionTable sessions;
    private final int partBytes;
    private final long intervalNanos;
    /** The latest stats of each service not yet published; the next flush takes them. */
    private final Map<ServiceId, NodeStats> pendingStats = new ConcurrentHashMap<>();
    /**
     * The latest change of each service held back, and when each service's last change went out
     * (System.nanoTime). Guarded by {@code this}, so that events of one service leave in order.
     */
    private final Map<ServiceId, RegistryEvent> pendingChanges = new HashMap<>();
    private final Map<ServiceId, Long> lastPublishedNanos = new HashMap<>();

    /** Publishes to the subscribers in {@code sessions}; {@code interval} is {@code registry.publishInterval}. */
    public RegistryEvents(SessionTable sessions, int partBytes, Duration interval) {
        this.sessions = sessions;
        this.partBytes = partBytes;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public synchronized void changed(RegistryEvent event) {
        ServiceId service = event.entry().id();
        long now = System.nanoTime();
        switch (event.change()) {
            case removed -> {
                // A change held back goes first, so that subscribers see how it ended (down, retired);
                // stats published after its removal would only puzzle them.
                RegistryEvent held = pendingChanges.remove(service);
                if (held != null) {
                    publish(held);
                }
                pendingStats.remove(service);
                lastPublishedNanos.remove(service);
                publish(event);
            }
            case added -> {
                lastPublishedNanos.put(service, now);
                publish(event);
            }
            case changed -> {
                Long last = lastPublishedNanos.get(service);
                boolean soon = last != null && now - last < intervalNanos;
                RegistryEvent held = soon ? pendingChanges.put(service, event) : pendingChanges.remove(service);
                if (held != null && held.entry().state() != event.entry().state()) {
                    // Only changes within one state merge: subscribers see every state a service
                    // goes through (up, draining, retired), in order, not only the last.
                    publish(held);
                }
                if (!soon) {
                    lastPublishedNanos.put(service, now);
                    publish(event);
                }
            }
        }
    }

    private void publish(RegistryEvent event) {
        var subscribers = sessions.subscribers(RegistryEvent.TOPIC);
        if (subscribers.isEmpty()) {
            return;
        }
        String kind = event.entry().id().kind();
        PreparedFrame full = null;
        PreparedFrame redacted = null;
        for (ClientSession subscriber : subscribers) {
            if (Permissions.maySeeSecrets(subscriber.principal(), kind)) {
                full = full != null ? full : prepare(RegistryEvent.SUBJECT, event);
                subscriber.deliver(full);
            } else {
                redacted = redacted != null ? redacted : prepare(RegistryEvent.SUBJECT,
                        new RegistryEvent(event.change(), event.entry().withoutSecrets()));
                subscriber.deliver(redacted);
            }
        }
    }

    /** Keeps the latest stats of {@code service} for the next {@link #flush}; older ones not yet sent are dropped. */
    @Override
    public void stats(ServiceId service, NodeStats stats) {
        pendingStats.put(service, stats);
    }

    /**
     * Publishes what was held back since the last flush: each service's latest change, then the
     * stats, the latest of each service, in as few {@code registry.stats} messages as fit
     * {@code partBytes} (stats hold no secrets, so every subscriber gets the same). Called every
     * {@code registry.publishInterval}. Changes go first: an entry held back carries the stats of
     * its time, and the stats that follow are as new or newer.
     */
    public synchronized void flush() {
        long now = System.nanoTime();
        for (RegistryEvent event : List.copyOf(pendingChanges.values())) {
            lastPublishedNanos.put(event.entry().id(), now);
            publish(event);
        }
        pendingChanges.clear();
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
        var subscribers = sessions.subscribers(RegistryEvent.TOPIC);
        if (updates.isEmpty() || subscribers.isEmpty()) {
            return;
        }
        updates.sort(Comparator.comparing((RegistryStats.Update u) -> u.service().kind())
                .thenComparing(u -> u.service().name()));
        for (List<RegistryStats.Update> part : inParts(updates)) {
            PreparedFrame frame = prepare(RegistryStats.SUBJECT, new RegistryStats(part));
            subscribers.forEach(subscriber -> subscriber.deliver(frame));
        }
    }

    /**
     * Sends {@code subscriber} the whole registry, each entry as it may see it, as
     * {@code registry.snapshot} messages of about {@code partBytes} each, numbered so that the
     * client knows when it has them all and can tell what is no longer there.
     *
     * <p>The registry is read and the snapshot sent under the same lock as every event, so that
     * an event never overtakes a snapshot read before it: a client replaces its view with the
     * snapshot, and an {@code added} delivered first would be lost, with every later stats update
     * for that service dropped as one for a service it does not know. An event for a change made
     * just before the read may follow the snapshot; it repeats what the snapshot holds.
     */
    public synchronized void snapshotTo(ClientSession subscriber, Supplier<List<ServiceEntry>> registry) {
        List<ServiceEntry> visible = registry.get().stream()
                .map(entry -> Permissions.maySeeSecrets(subscriber.principal(), entry.id().kind())
                        ? entry : entry.withoutSecrets())
                .toList();
        List<List<ServiceEntry>> parts = inParts(visible);
        for (int i = 0; i < parts.size(); i++) {
            subscriber.deliver(prepare(RegistrySnapshot.SUBJECT, new RegistrySnapshot(parts.get(i), i + 1,
                    parts.size())));
        }
    }

    /**
     * Splits {@code items} in order into lists whose JSON adds up to about
     * {@code partBytes}; an item bigger than that goes alone. Always at least one list, maybe empty.
     */
    private <T> List<List<T>> inParts(List<T> items) {
        List<List<T>> parts = new ArrayList<>();
        List<T> part = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            // Characters, not UTF-8 bytes: near enough for a bound that only has to be about right.
            int size = FrameCodec.DEFAULT.mapper().writeValueAsString(item).length();
            if (!part.isEmpty() && bytes + size > partBytes) {
                parts.add(part);
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(item);
            bytes += size;
        }
        parts.add(part);
        return parts;
    }

    private static PreparedFrame prepare(String subject, Object body) {
        return PreparedFrame.of(new Message(0, UUID.randomUUID().toString(), HubSender.ID,
                Address.topic(RegistryEvent.TOPIC), subject, FrameCodec.DEFAULT.toTree(body), false));
    }
}
