package dev.roadie.hub.cluster;

import dev.roadie.hub.pairing.PairingService;
import dev.roadie.hub.pairing.SharedPairing;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps this hub's pairings in step with the other hubs', as {@link TokenSync} does tokens: the
 * hash {@code N:pairings} holds every hub's pairings (codes only hashed), a change is published
 * on the channel of that name, and every {@link TokenSync#ROUND} each hub compares both ways. A
 * copy further along (pending, then approved or denied, then redeemed) wins, so that a device
 * that asked on hub A can be approved on hub B and take its token from either.
 */
final class PairingSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PairingSync.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String hash;
    private final RedisAsyncCommands<String, String> redis;
    private final PairingService pairings;
    private ScheduledFuture<?> rounds;

    private PairingSync(String hash, RedisAsyncCommands<String, String> redis, PairingService pairings) {
        this.hash = hash;
        this.redis = redis;
        this.pairings = pairings;
    }

    static PairingSync start(RedisLink link, ClusterKeys keys, ScheduledExecutorService timer,
            PairingService pairings) {
        PairingSync sync = new PairingSync(keys.pairings(), link.async(), pairings);
        link.listener().addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String text) {
                if (channel.equals(keys.pairings())) {
                    // Off Lettuce's thread: taking a pairing in writes to the database.
                    onTimer(timer, () -> sync.received(text));
                }
            }
        });
        link.listener().async().subscribe(keys.pairings());
        pairings.onChange(sync::share);
        long every = TokenSync.ROUND.toMillis();
        sync.rounds = timer.scheduleWithFixedDelay(() -> sync.round(timer), every, every, TimeUnit.MILLISECONDS);
        return sync;
    }

    /** Runs {@code work} on the hub's timer, unless the hub is stopping (the timer refuses work then). */
    static void onTimer(ScheduledExecutorService timer, Runnable work) {
        try {
            timer.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Dropped a notice from another hub: this hub is stopping");
        }
    }

    /** {@code pairing} as it is kept in {@code N:pairings} and published. */
    static String encode(SharedPairing pairing) {
        return JSON.writeValueAsString(pairing);
    }

    static SharedPairing decode(String text) {
        return JSON.readValue(text, SharedPairing.class);
    }

    private void share(SharedPairing pairing) {
        String text = encode(pairing);
        redis.hset(hash, pairing.id(), text).thenCompose(added -> redis.publish(hash, text))
                .whenComplete((receivers, failed) -> {
                    if (failed != null) {
                        log.warn("Could not share pairing {} with the other hubs now ({}); the next round tries"
                                + " again", pairing.id(), failed.toString());
                    }
                });
    }

    private void received(String text) {
        try {
            pairings.adopt(decode(text));
        } catch (RuntimeException e) {
            log.warn("Ignored a pairing notice from another hub that this hub cannot take in: {}", e.toString());
        }
    }

    private void round(ScheduledExecutorService timer) {
        redis.hgetall(hash).whenCompleteAsync((stored, failed) -> {
            if (failed != null) {
                return; // TokenSync says that Redis cannot be reached; this round waits for the next
            }
            try {
                reconcile(stored);
            } catch (RuntimeException e) {
                log.error("Comparing this hub's pairings with the other hubs' failed; trying again next round", e);
            }
        }, timer);
    }

    private void reconcile(Map<String, String> stored) {
        Map<String, SharedPairing> shared = new HashMap<>();
        stored.forEach((id, text) -> {
            try {
                shared.put(id, decode(text));
            } catch (RuntimeException e) {
                log.warn("Ignored pairing {} in {}: this hub cannot read it ({})", id, hash, e.toString());
            }
        });
        Map<String, SharedPairing> local = new HashMap<>();
        for (SharedPairing mine : pairings.shared()) {
            local.put(mine.id(), mine);
            SharedPairing theirs = shared.get(mine.id());
            if ((theirs == null || theirs.step() < mine.step()) && !mine.droppedBy(System.currentTimeMillis())) {
                share(mine);
            }
        }
        long now = System.currentTimeMillis();
        for (SharedPairing theirs : shared.values()) {
            if (theirs.droppedBy(now)) {
                // Each hub drops such pairings from its database: do not bring them back, and forget them here too.
                redis.hdel(hash, theirs.id());
                continue;
            }
            SharedPairing mine = local.get(theirs.id());
            if (mine == null || mine.step() < theirs.step()) {
                pairings.adopt(theirs);
            }
        }
    }

    @Override
    public void close() {
        if (rounds != null) {
            rounds.cancel(false);
        }
    }
}
