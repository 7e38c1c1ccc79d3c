package dev.roadie.hub.cluster;

import dev.roadie.hub.auth.SharedToken;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.wire.CloseCode;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this hub's tokens in step with the other hubs' (docs/CLUSTER.md, "Tokens"). Each hub
 * keeps its tokens in its own database, as alone; the hash {@code N:tokens} holds the union of
 * them (the secret hashed, as in the databases). A token created or revoked here is written
 * there and published on the channel {@code N:tokens}, and every hub takes it in at once; every
 * {@link #ROUND} each hub also compares the hash with its database both ways, so that a lost
 * notice, a Redis restarted empty or a token made by {@code roadie token} on the hub's data
 * folder is in step within that time. A revocation always wins over an active copy.
 */
final class TokenSync implements AutoCloseable {
    /** How long a lost notice can leave the hubs apart: one small read per hub per round. */
    static final Duration ROUND = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(TokenSync.class);

    private final String hash;
    private final RedisAsyncCommands<String, String> redis;
    private final ScheduledExecutorService timer;
    private final TokenService tokens;
    private final SessionTable sessions;
    /** Only the timer's thread uses it. */
    private boolean failing;
    private ScheduledFuture<?> rounds;

    private TokenSync(String hash, RedisAsyncCommands<String, String> redis, ScheduledExecutorService timer,
            TokenService tokens, SessionTable sessions) {
        this.hash = hash;
        this.redis = redis;
        this.timer = timer;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** Starts sharing {@code tokens} over {@code link}; revocations from elsewhere end their sessions in {@code sessions}. */
    static TokenSync start(RedisLink link, ClusterKeys keys, ScheduledExecutorService timer, TokenService tokens,
            SessionTable sessions) {
        TokenSync sync = new TokenSync(keys.tokens(), link.async(), timer, tokens, sessions);
        link.listener().addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String text) {
                if (channel.equals(keys.tokens())) {
                    // Off Lettuce's thread: taking a token in writes to the database.
                    PairingSync.onTimer(timer, () -> sync.received(text));
                }
            }
        });
        link.listener().async().subscribe(keys.tokens());
        tokens.onChange(sync::share);
        // The first round waits until the hub has started, so that a new hub still makes its own admin token.
        long every = ROUND.toMillis();
        sync.rounds = timer.scheduleWithFixedDelay(sync::round, every, every, TimeUnit.MILLISECONDS);
        return sync;
    }

    private void share(SharedToken token) {
        String text = encode(token);
        redis.hset(hash, token.id(), text).thenCompose(added -> redis.publish(hash, text))
                .whenComplete((receivers, failed) -> {
                    if (failed != null) {
                        log.warn("Could not share token {} with the other hubs now ({}); the next round"
                                + " within {} tries again", token.id(), failed.toString(), ROUND);
                    }
                });
    }

    private void received(String text) {
        try {
            takeIn(decode(text));
        } catch (RuntimeException e) {
            log.warn("Ignored a token notice from another hub that this hub cannot read: {}", e.toString());
        }
    }

    private void takeIn(SharedToken token) {
        if (tokens.adopt(token)) {
            int ended = sessions.endSessionsOf(token.id(), CloseCode.UNAUTHORIZED, "token revoked");
            log.info("Ended {} session(s) of token {}: it was revoked on another hub", ended, token.id());
        }
    }

    /** Compares the shared hash with this hub's database both ways. */
    private void round() {
        redis.hgetall(hash).whenCompleteAsync((stored, failed) -> {
            try {
                if (failed != null) {
                    if (!failing) {
                        log.warn("Cannot compare this hub's tokens with the other hubs' now: {}", failed.toString());
                    }
                    failing = true;
                    return;
                }
                failing = false;
                reconcile(stored);
            } catch (RuntimeException e) {
                log.error("Comparing this hub's tokens with the other hubs' failed; trying again in {}", ROUND, e);
            }
        }, timer);
    }

    private void reconcile(Map<String, String> stored) {
        Map<String, SharedToken> shared = new HashMap<>();
        stored.forEach((id, text) -> {
            try {
                shared.put(id, decode(text));
            } catch (RuntimeException e) {
                log.warn("Ignored token {} in {}: this hub cannot read it ({})", id, hash, e.toString());
            }
        });
        Map<String, SharedToken> local = new HashMap<>();
        for (SharedToken mine : tokens.shared()) {
            local.put(mine.id(), mine);
            SharedToken theirs = shared.get(mine.id());
            if (theirs == null || (theirs.active() && !mine.active())) {
                share(mine);
            }
        }
        for (SharedToken theirs : shared.values()) {
            SharedToken mine = local.get(theirs.id());
            if (mine == null || (mine.active() && !theirs.active())) {
                takeIn(theirs);
            }
        }
    }

    /** One line of tab-separated fields; names, kinds and scopes hold no tab. */
    static String encode(SharedToken token) {
        return String.join("\t", "1", token.id(), token.name(), token.kind(), String.join(" ", token.scopes()),
                token.secretHash(), Long.toString(token.createdAt()),
                token.revokedAt() == null ? "" : Long.toString(token.revokedAt()));
    }

    static SharedToken decode(String text) {
        String[] fields = text.split("\t", -1);
        if (fields.length != 8 || !fields[0].equals("1")) {
            throw new IllegalArgumentException("not a shared token of version 1 (" + fields.length + " fields)");
        }
        List<String> scopes = fields[4].isEmpty() ? List.of() : Arrays.asList(fields[4].split(" "));
        return new SharedToken(fields[1], fields[2], fields[3], scopes, fields[5], Long.parseLong(fields[6]),
                fields[7].isEmpty() ? null : Long.parseLong(fields[7]));
    }

    @Override
    public void close() {
        if (rounds != null) {
            rounds.cancel(false);
        }
    }
}
