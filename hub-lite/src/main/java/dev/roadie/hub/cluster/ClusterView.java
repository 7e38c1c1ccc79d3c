package dev.roadie.hub.cluster;

import dev.roadie.hub.routing.Receiver;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This hub's copy of the other hubs' presence, which routing reads without a round trip. A hub's
 * entry is reread when it publishes a change and at every heartbeat; it is dropped when its
 * presence hash is gone (it stopped, or its lease lapsed), and {@code gone} is told.
 */
final class ClusterView {
    static final Logger log = LoggerFactory.getLogger(ClusterView.class);

    private final String self;
    private final ClusterKeys keys;
    private final RedisAsyncCommands<String, String> redis;
    private final Consumer<String> gone;
    private final Map<String, HubPresence> hubs = new ConcurrentHashMap<>();

    /**
     * @param gone told the id of each hub dropped from the view, once
     */
    ClusterView(String self, ClusterKeys keys, RedisAsyncCommands<String, String> redis, Consumer<String> gone) {
        this.self = self;
        this.keys = keys;
        this.redis = redis;
        this.gone = gone;
    }

    /** Rereads hub {@code hub}'s presence; completes once it is in the view (or dropped). */
    CompletableFuture<Void> reload(String hub) {
        if (hub.equals(self)) {
            return CompletableFuture.completedFuture(null);
        }
        return redis.hgetall(keys.hub(hub)).toCompletableFuture().thenAccept(hash -> {
            if (hash.isEmpty()) {
                drop(hub);
            } else {
                hubs.put(hub, HubPresence.parse(hash));
            }
        });
    }

    /** Rereads every hub listed in Redis and drops those no longer listed; completes when all are read. */
    CompletableFuture<Void> resync() {
        return redis.smembers(keys.hubs()).toCompletableFuture().thenCompose(listed -> {
            for (String known : Set.copyOf(hubs.keySet())) {
                if (!listed.contains(known)) {
                    drop(known);
                }
            }
            return CompletableFuture.allOf(listed.stream().map(this::reload).toArray(CompletableFuture[]::new));
        });
    }

    /** Forgets hub {@code hub}: its lease lapsed or it said goodbye. */
    void drop(String hub) {
        if (hubs.remove(hub) != null) {
            log.info("Hub {} left the cluster", hub);
            gone.accept(hub);
        }
        // Whoever sees a hub gone takes it off the list; a hub still alive puts itself back at its next heartbeat.
        redis.srem(keys.hubs(), hub);
    }

    /** The receivers {@code to} names on the other hubs; for {@code one:KIND} every candidate that is up. */
    List<Receiver> receivers(Address to) {
        if (hubs.isEmpty()) {
            return List.of();
        }
        List<Receiver> receivers = new ArrayList<>();
        switch (to) {
            case Address.Instance instance -> {
                for (Map.Entry<String, HubPresence> hub : hubs.entrySet()) {
                    if (hub.getValue().serves(instance.service())) {
                        receivers.add(Receiver.elsewhere(instance.service(), hub.getKey()));
                        break;
                    }
                }
            }
            case Address.EveryOfKind every -> add(receivers, presence -> presence.ofKind(every.kind()));
            case Address.OneOfKind one -> add(receivers, presence -> presence.upOfKind(one.kind()));
            case Address.Topic topic -> add(receivers, presence -> presence.subscribers(topic.topic()));
            case Address.Everyone everyone -> add(receivers, HubPresence::identities);
            case Address.Hub hub -> { }
        }
        return receivers;
    }

    private void add(List<Receiver> receivers, java.util.function.Function<HubPresence, List<ServiceId>> which) {
        hubs.forEach((hub, presence) -> which.apply(presence)
                .forEach(service -> receivers.add(Receiver.elsewhere(service, hub))));
    }

    /** The load penalty the hub serving {@code receiver} last wrote for it, if it sends stats. */
    OptionalDouble penalty(Receiver receiver) {
        HubPresence presence = hubs.get(receiver.hub());
        return presence == null ? OptionalDouble.empty() : presence.penalty(receiver.service());
    }

    /** The socket URLs the other hubs advertise, in no particular order. */
    List<String> urls() {
        List<String> urls = new ArrayList<>();
        hubs.values().forEach(presence -> presence.url().ifPresent(urls::add));
        return urls;
    }

    /** The ids of the other hubs in the view now. */
    Set<String> hubs() {
        return Set.copyOf(hubs.keySet());
    }
}
