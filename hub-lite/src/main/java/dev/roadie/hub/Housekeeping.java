package dev.roadie.hub;

import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.http.HttpGuards;
import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.routing.DurableMessages;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.SessionTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's upkeep that runs whether or not any client is connected: registry leases run out for
 * services whose links went quiet, durable messages older than {@code sessions.durableTtl} are
 * dropped, HTTP connections stuck in their headers are closed, and addresses whose failed token
 * checks have worn off are forgotten. What is about sockets (hello timeouts, heartbeats, the
 * resume window) stays in the socket's own tick.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    /**
     * How often durable messages past their time to live are dropped, by the hub's clock: often
     * enough against a time to live of a day, rarely enough to leave the database to its callers.
     */
    static final Duration DURABLE_EXPIRY_INTERVAL = Duration.ofMinutes(1);

    private final Clock clock;
    private final Registry registry;
    private final SessionTable sessions;
    private final DurableMessages durable;
    private final HttpGuards guards;
    private final FailedTokenChecks tokenFailures;
    /** Only the timer's thread reads and writes it. */
    private long lastExpiryMillis;
    private ScheduledFuture<?> rounds;

    Housekeeping(Clock clock, Registry registry, SessionTable sessions, DurableMessages durable, HttpGuards guards,
            FailedTokenChecks tokenFailures) {
        this.clock = clock;
        this.registry = registry;
        this.sessions = sessions;
        this.durable = durable;
        this.guards = guards;
        this.tokenFailures = tokenFailures;
        this.lastExpiryMillis = clock.millis();
    }

    /** Runs a round every {@code period} on {@code timer} until {@link #close()}. */
    void start(ScheduledExecutorService timer, Duration period) {
        long millis = period.toMillis();
        rounds = timer.scheduleAtFixedRate(this::roundSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * One round: stuck HTTP connections are closed and worn-off token failures forgotten (first:
     * they touch no database, so a failing one below cannot hold them up); every lease is
     * checked; durable messages expire when the hub's clock moved on a
     * {@link #DURABLE_EXPIRY_INTERVAL} since they last did (or went back, as a clock set back does).
     */
    void round() {
        guards.sweep();
        tokenFailures.sweep();
        long nowNanos = System.nanoTime();
        Instant now = clock.instant();
        // Only a live link renews a lease: a detached session's services age like a lost link.
        registry.sweep(service -> sessions.serving(service).filter(ClientSession::isAttached)
                .map(s -> now.minusNanos(Math.max(0, nowNanos - s.lastHeardNanos()))));
        long nowMillis = now.toEpochMilli();
        long sinceExpiry = nowMillis - lastExpiryMillis;
        if (sinceExpiry >= DURABLE_EXPIRY_INTERVAL.toMillis() || sinceExpiry < 0) {
            lastExpiryMillis = nowMillis;
            durable.expire();
        }
    }

    private void roundSafely() {
        try {
            round();
        } catch (Throwable e) {
            // A throw would cancel the fixed-rate task: leases would never run out again.
            log.error("Housekeeping (HTTP guards, token failures, registry leases, durable message expiry) failed;"
                    + " trying again next round", e);
        }
    }

    /** Stops the rounds; one under way finishes. */
    @Override
    public void close() {
        if (rounds != null) {
            rounds.cancel(false);
        }
    }
}
