package dev.roadie.hub.session;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.CloseCode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live session, indexed the ways the router looks them up: by id, by the services each
 * one serves (its own identity and what it announced), by kind, and by topic. All maps are
 * concurrent: sessions on different threads route to each other without a global lock.
 */
public final class SessionTable {
    private final Map<String, ClientSession> byId = new ConcurrentHashMap<>();
    private final Map<ServiceId, ClientSession> byService = new ConcurrentHashMap<>();
    private final Map<String, Map<ServiceId, ClientSession>> byKind = new ConcurrentHashMap<>();
    private final Map<String, Set<ClientSession>> byTopic = new ConcurrentHashMap<>();
    /** Told after what this hub can deliver to changed; a no-op for a hub on its own. */
    private volatile Runnable changed = () -> { };
    /** Told which session now serves which service, and which sessions left; a no-op for a hub on its own. */
    private volatile Watcher watcher = new Watcher() { };

    /** Who serves what, for a cluster that keeps one identity on one hub. Called on the thread that made the change. */
    public interface Watcher {
        /** {@code session} serves {@code service} now (its hello or an announce). */
        default void serving(ServiceId service, ClientSession session) {
        }

        /** {@code session} left, with everything it served. */
        default void removed(ClientSession session) {
        }
    }

    /** Sets the one {@link Watcher}. */
    public void watch(Watcher watcher) {
        this.watcher = watcher;
    }

    /**
     * Calls {@code listener} after each change to the services served or the topics subscribed
     * (the hub's presence in a cluster). It runs on the thread that made the change, so it must
     * only note it and return.
     */
    public void onChange(Runnable listener) {
        this.changed = listener;
    }

    /**
     * Adds a session serving its identity. Returns the session that served this identity before
     * (a stale connection of the same service), which the caller closes.
     */
    public Optional<ClientSession> add(ClientSession session) {
        byId.put(session.id(), session);
        return serve(session.identity(), session);
    }

    /** Makes {@code session} the one that serves {@code service}; returns the previous one, if another. */
    public Optional<ClientSession> serve(ServiceId service, ClientSession session) {
        session.services().add(service);
        ClientSession previous = byService.put(service, session);
        byKind.computeIfAbsent(service.kind(), k -> new ConcurrentHashMap<>()).put(service, session);
        if (session.isEnded()) {
            // It ended while this ran: its clean-up may be done already, so undo what this added.
            unserve(service, session);
        } else {
            watcher.serving(service, session);
        }
        changed.run();
        return previous == null || previous == session ? Optional.empty() : Optional.of(previous);
    }

    /** Removes a session and everything it served or subscribed to. */
    public void remove(ClientSession session) {
        if (!byId.remove(session.id(), session)) {
            return;
        }
        unserve(session.identity(), session);
        for (ServiceId service : session.services()) {
            unserve(service, session);
        }
        for (String topic : session.topics()) {
            unsubscribe(session, topic);
        }
        watcher.removed(session);
        changed.run();
    }

    /** {@code session} stops serving {@code service}, which a newer announce elsewhere took over; it stays open. */
    public void stopServing(ServiceId service, ClientSession session) {
        if (session.services().remove(service)) {
            unserve(service, session);
            changed.run();
        }
    }

    private void unserve(ServiceId service, ClientSession session) {
        byService.remove(service, session);
        Map<ServiceId, ClientSession> ofKind = byKind.get(service.kind());
        if (ofKind != null) {
            ofKind.remove(service, session);
        }
    }

    /** Subscribes; false if it already was. */
    public boolean subscribe(ClientSession session, String topic) {
        boolean added = session.topics().add(topic);
        // One atomic step: an unsubscribe emptying the set cannot drop it from under this add.
        byTopic.compute(topic, (t, sessions) -> {
            Set<ClientSession> set = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            set.add(session);
            return set;
        });
        if (session.isEnded()) {
            unsubscribe(session, topic);
        }
        if (added) {
            changed.run();
        }
        return added;
    }

    /** Unsubscribes; false if it was not subscribed. */
    public boolean unsubscribe(ClientSession session, String topic) {
        boolean removed = session.topics().remove(topic);
        byTopic.computeIfPresent(topic, (t, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
        if (removed) {
            changed.run();
        }
        return removed;
    }

    public Optional<ClientSession> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The session serving {@code service}, if connected. */
    public Optional<ClientSession> serving(ServiceId service) {
        return Optional.ofNullable(byService.get(service));
    }

    /** The connected services of a kind with their sessions. */
    public Map<ServiceId, ClientSession> ofKind(String kind) {
        return byKind.getOrDefault(kind, Map.of());
    }

    /** The subscribers of a topic. */
    public Set<ClientSession> subscribers(String topic) {
        return byTopic.getOrDefault(topic, Set.of());
    }

    public Collection<ClientSession> all() {
        return byId.values();
    }

    /** A copy of all sessions, for sweeps that may remove while they walk. */
    public List<ClientSession> snapshot() {
        return List.copyOf(byId.values());
    }

    /**
     * Ends every open session of the token {@code tokenId} with {@code code} and {@code reason}:
     * a revoked token must not keep a connection it opened before.
     *
     * @return how many sessions were ended
     */
    public int endSessionsOf(String tokenId, CloseCode code, String reason) {
        int ended = 0;
        for (ClientSession session : snapshot()) {
            if (session.principal().tokenId().equals(tokenId)) {
                session.end(code, reason);
                ended++;
            }
        }
        return ended;
    }

    public int size() {
        return byId.size();
    }
}
