package dev.roadie.hub.cluster;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which hub of the cluster runs what must run once (docs/CLUSTER.md, "The leader"): the hub that
 * holds the key {@code N:leader}, taken with {@code SET NX PX lease} and renewed every third of a
 * lease by a script that extends it only while it still names this hub.
 *
 * <p>Two hubs never act as leader at once, even when Redis loses the key (a failover to a replica
 * that had not received it, a restart): a hub counts its lease from <em>before</em> it sent the
 * command, by its own monotonic clock, and stops leading when that runs out unless a renewal
 * came back; a hub that takes the key acts only one lease later, when any previous holder's own
 * count has run out whatever Redis remembers.
 */
final class LeaderLease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaderLease.class);
    /** Extends the key only while it still names this hub: 1 if so, 0 if another holds it or it is gone. */
    static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then"
            + " return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    private final String self;
    private final String key;
    private final RedisAsyncCommands<String, String> redis;
    private final long leaseNanos;
    /** Taken off the lease this hub counts for itself, against clocks that run at slightly different rates. */
    private final long marginNanos;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("roadie-leader").daemon().factory());
    /** Until when (System.nanoTime) this hub holds the key for sure; only the lease's thread writes it. */
    private volatile long holdsUntil;
    /** From when this hub may act on the key it holds: one lease after it took it. */
    private volatile long actsFrom;
    private volatile boolean holding;
    /** The hub the key named at the last look, empty when none held it or Redis could not be asked. */
    private volatile Optional<String> leader = Optional.empty();

    LeaderLease(String self, String key, RedisAsyncCommands<String, String> redis, Duration lease) {
        this.self = self;
        this.key = key;
        this.redis = redis;
        this.leaseNanos = lease.toNanos();
        this.marginNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(20), leaseNanos / 20);
    }

    /** Tries for the key now and then every third of a lease, on a thread of its own so that a busy hub timer cannot let it lapse. */
    void start() {
        long every = Math.max(50, TimeUnit.NANOSECONDS.toMillis(leaseNanos) / 3);
        thread.scheduleWithFixedDelay(this::roundSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Whether this hub is the leader now: it holds the key, its own count has not run out, and it waited its lease. */
    boolean leading() {
        long now = System.nanoTime();
        return holding && now - holdsUntil < 0 && now - actsFrom >= 0;
    }

    /** The hub the key named at the last look. */
    Optional<String> leader() {
        return leader;
    }

    private void roundSafely() {
        try {
            round();
        } catch (RuntimeException e) {
            // A throw would cancel the task: this hub would never lead again.
            log.error("The leader lease round failed; it runs again in a third of a lease", e);
        }
    }

    private void round() {
        long sent = System.nanoTime();
        long wait = Math.max(1, leaseNanos / 3);
        try {
            if (holding || leader.equals(Optional.of(self))) {
                Long renewed = redis.<Long>eval(RENEW, ScriptOutputType.INTEGER, new String[] {key}, self,
                        Long.toString(TimeUnit.NANOSECONDS.toMillis(leaseNanos))).get(wait, TimeUnit.NANOSECONDS);
                if (renewed != null && renewed == 1) {
                    // A count that ran out meanwhile starts again as a new lease: another hub may have led since.
                    boolean fresh = !holding || sent - holdsUntil >= 0;
                    holdsUntil = sent + leaseNanos - marginNanos;
                    if (fresh) {
                        took(sent);
                    }
                    leader = Optional.of(self);
                    return;
                }
                if (holding) {
                    stepDown("the key no longer names it (Redis lost it, or another hub took it after it lapsed)");
                }
            }
            String taken = redis.set(key, self, SetArgs.Builder.nx().px(TimeUnit.NANOSECONDS.toMillis(leaseNanos)))
                    .get(wait, TimeUnit.NANOSECONDS);
            if ("OK".equals(taken)) {
                holdsUntil = sent + leaseNanos - marginNanos;
                took(sent);
                leader = Optional.of(self);
                return;
            }
            leader = Optional.ofNullable(redis.get(key).get(wait, TimeUnit.NANOSECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                | io.lettuce.core.RedisException e) {
            // Nothing to do but wait: a lease this hub holds runs out by its own count below.
            if (holding && System.nanoTime() - holdsUntil >= 0) {
                stepDown("Redis could not be reached to renew it (" + e + ")");
            }
            leader = holding ? leader : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void took(long sent) {
        actsFrom = sent + leaseNanos;
        holding = true;
        log.info("This hub took the cluster's leader lease; it leads in {} ms, once any previous leader's lease has"
                + " run out", TimeUnit.NANOSECONDS.toMillis(leaseNanos));
    }

    private void stepDown(String why) {
        holding = false;
        leader = Optional.empty();
        log.warn("This hub no longer leads the cluster: {}", why);
    }

    /** Stops trying and gives the key up, so that another hub takes it at its next round rather than after the lease. */
    @Override
    public void close() {
        thread.shutdownNow();
        boolean held = holding;
        holding = false;
        if (held) {
            try {
                redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1])"
                        + " else return 0 end", ScriptOutputType.INTEGER, new String[] {key}, self)
                        .get(2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                    | io.lettuce.core.RedisException e) {
                log.warn("Could not give up the leader lease; another hub takes it when it lapses: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
