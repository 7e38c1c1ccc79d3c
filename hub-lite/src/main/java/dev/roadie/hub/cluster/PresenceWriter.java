package dev.roadie.hub.cluster;

import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this hub's presence hash in Redis: what its sessions serve and subscribe to
 * ({@link HubPresence} says the fields). A change is written as the difference from what was
 * last written, coalesced (a burst of connections costs one write), then announced on the
 * presence channel; the heartbeat renews the hash's lease and rewrites it whole when Redis lost
 * it (a restart, an outage longer than the lease). All writes run on one thread, in order.
 */
final class PresenceWriter {
    private static final Logger log = LoggerFactory.getLogger(PresenceWriter.class);
    /** Always present, so that a hub serving nothing still has a hash, and says since when it runs. */
    static final String STARTED = "started";

    private final String self;
    private final ClusterKeys keys;
    private final RedisAsyncCommands<String, String> redis;
    private final SessionTable sessions;
    private final Registry registry;
    private final Duration lease;
    private final Executor writer;
    private final String started = Instant.now().toString();
    /** The socket URL this hub gives clients, once it listens; null when it advertises none. */
    private volatile String url;
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    /** What Redis holds, as far as this hub knows; touched on the writer thread only. */
    private Map<String, String> written = Map.of();
    /** Set when a write failed: the next one rewrites everything. */
    private volatile boolean lost = true;
    /** Set when the hub leaves: a write still queued must not put its presence back. */
    private volatile boolean removed;

    PresenceWriter(String self, ClusterKeys keys, RedisAsyncCommands<String, String> redis, SessionTable sessions,
            Registry registry, Duration lease, Executor writer) {
        this.self = self;
        this.keys = keys;
        this.redis = redis;
        this.sessions = sessions;
        this.registry = registry;
        this.lease = lease;
        this.writer = writer;
    }

    /** Something changed: a write is queued unless one already is. Called on any thread; returns at once. */
    /** Writes the socket URL clients reach this hub at into its presence, for the other hubs' welcomes. */
    void advertise(String url) {
        this.url = url;
        changed();
    }

    /** The socket URL this hub advertises, if any. */
    java.util.Optional<String> url() {
        return java.util.Optional.ofNullable(url);
    }

    void changed() {
        if (flushQueued.compareAndSet(false, true)) {
            writer.execute(this::flush);
        }
    }

    /** Writes what changed since the last write (everything after a failure); on the writer thread. */
    CompletableFuture<Void> flush() {
        flushQueued.set(false);
        if (removed) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, String> now = current();
        String key = keys.hub(self);
        List<CompletableFuture<?>> steps = new ArrayList<>();
        if (lost) {
            lost = false;
            steps.add(redis.del(key).toCompletableFuture());
            steps.add(redis.hset(key, now).toCompletableFuture());
        } else {
            String[] gone = written.keySet().stream().filter(field -> !now.containsKey(field)).toArray(String[]::new);
            Map<String, String> changed = new HashMap<>();
            now.forEach((field, value) -> {
                if (!value.equals(written.get(field))) {
                    changed.put(field, value);
                }
            });
            if (gone.length == 0 && changed.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (gone.length > 0) {
                steps.add(redis.hdel(key, gone).toCompletableFuture());
            }
            if (!changed.isEmpty()) {
                steps.add(redis.hset(key, changed).toCompletableFuture());
            }
        }
        written = now;
        steps.add(redis.pexpire(key, lease.toMillis()).toCompletableFuture());
        steps.add(redis.sadd(keys.hubs(), self).toCompletableFuture());
        steps.add(redis.publish(keys.presence(), self).toCompletableFuture());
        return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).whenComplete((done, failed) -> {
            if (failed != null) {
                lost = true;
                log.warn("Could not write this hub's presence to the cluster's Redis; it is rewritten at the next"
                        + " heartbeat: {}", failed.getMessage());
            }
        });
    }

    /**
     * Renews the lease and lists the hub again; rewrites the hash whole if Redis no longer has
     * it, and writes the states and loads that changed since the last write (stats change
     * without a session or topic changing). On the writer thread.
     */
    CompletableFuture<Void> heartbeat() {
        if (removed) {
            return CompletableFuture.completedFuture(null);
        }
        if (lost) {
            return flush();
        }
        flush();
        return redis.pexpire(keys.hub(self), lease.toMillis()).toCompletableFuture().thenCompose(renewed -> {
            redis.sadd(keys.hubs(), self);
            if (!renewed) {
                log.warn("The cluster's Redis had lost this hub's presence (restarted, or cut off longer than"
                        + " cluster.lease); writing it again");
                lost = true;
                changed();
            }
            return CompletableFuture.<Void>completedFuture(null);
        }).whenComplete((done, failed) -> {
            if (failed != null) {
                lost = true;
            }
        });
    }

    /** Takes the hub out at once, rather than by lease: it is stopping. On the writer thread, after any write queued. */
    CompletableFuture<Void> remove() {
        removed = true;
        return CompletableFuture.allOf(redis.del(keys.hub(self)).toCompletableFuture(),
                redis.srem(keys.hubs(), self).toCompletableFuture(),
                redis.publish(keys.presence(), self).toCompletableFuture());
    }

    /** A service's field value: what it is, its state, and its load rounded so that noise causes no write. */
    private String describe(String what, ServiceId service) {
        Optional<ServiceEntry> entry = registry.get(service);
        if (entry.isEmpty()) {
            return what + " " + ServiceState.UP.wire();
        }
        String value = what + " " + entry.get().state().wire();
        NodeStats stats = entry.get().stats();
        return stats == null ? value : value + " " + String.format(Locale.ROOT, "%.1f", stats.penalty());
    }

    /** The presence hash this hub should have now. */
    private Map<String, String> current() {
        Map<String, String> fields = new HashMap<>();
        fields.put(STARTED, started);
        if (url != null) {
            fields.put(HubPresence.URL, url);
        }
        Map<String, StringBuilder> topics = new HashMap<>();
        for (ClientSession session : sessions.all()) {
            if (session.isEnded()) {
                continue;
            }
            fields.put(HubPresence.SERVICE + session.identity(), describe(HubPresence.IDENTITY, session.identity()));
            for (ServiceId service : session.services()) {
                if (!service.equals(session.identity())) {
                    fields.put(HubPresence.SERVICE + service, describe(HubPresence.ANNOUNCED, service));
                }
            }
            for (String topic : session.topics()) {
                topics.computeIfAbsent(topic, t -> new StringBuilder()).append(session.identity()).append('\n');
            }
        }
        topics.forEach((topic, subscribers) -> fields.put(HubPresence.TOPIC + topic, subscribers.toString()));
        return fields;
    }
}
