package dev.roadie.hub;

import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.http.HttpGuards;
import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.routing.DurableMessages;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.wire.CloseCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's upkeep that runs whether or not any client is connected: registry leases run out for
 * services whose links went quiet, durable messages older than {@code sessions.durableTtl} are
 * dropped, HTTP connections stuck in their headers are closed, and addresses whose failed token
 * checks have worn off are forgotten, and the sessions of tokens revoked outside this hub's REST
 * API (by {@code roadie token revoke} or {@code roadie pair revoke}, which write to the database
 * directly) are ended. What is about sockets (hello timeouts, heartbeats, the resume window)
 * stays in the socket's own tick.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    /**
     * How often durable messages past their time to live are dropped, by the hub's clock: often
     * enough against a time to live of a day, rarely enough to leave the database to its callers.
     */
    static final Duration DURABLE_EXPIRY_INTERVAL = Duration.ofMinutes(1);
    /**
     * How soon a revoke made on the command line closes the connections it concerns: one small
     * query however many clients are connected, so it can be often.
     */
    static final Duration REVOCATION_INTERVAL = Duration.ofSeconds(2);
    /** Looks back this far past the last look, so that a revoke written late (a slow command) is not missed. */
    private static final Duration REVOCATION_OVERLAP = Duration.ofMinutes(1);

    private final Clock clock;
    private final Registry registry;
    private final SessionTable sessions;
    private final DurableMessages durable;
    private final HttpGuards guards;
    private final FailedTokenChecks tokenFailures;
    private final TokenService tokens;
    /** Only the timer's thread reads and writes it. */
    private long lastExpiryMillis;
    /** By the hub's clock, as the database's revocation times are; only the timer's thread uses it. */
    private Instant lastRevocationLook;
    /** By the monotonic clock, so that a clock set back cannot stop the looks; only the timer's thread uses it. */
    private long lastRevocationLookNanos;
    private ScheduledFuture<?> rounds;

    Housekeeping(Clock clock, Registry registry, SessionTable sessions, DurableMessages durable, HttpGuards guards,
            FailedTokenChecks tokenFailures, TokenService tokens) {
        this.clock = clock;
        this.registry = registry;
        this.sessions = sessions;
        this.durable = durable;
        this.guards = guards;
        this.tokenFailures = tokenFailures;
        this.tokens = tokens;
        this.lastExpiryMillis = clock.millis();
        this.lastRevocationLook = clock.instant();
        this.lastRevocationLookNanos = System.nanoTime();
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
     * {@link #DURABLE_EXPIRY_INTERVAL} since they last did (or went back, as a clock set back does);
     * every {@link #REVOCATION_INTERVAL} the database is asked which tokens were revoked since.
     */
    void round() {
        guards.sweep();
        tokenFailures.sweep();
        if (System.nanoTime() - lastRevocationLookNanos >= REVOCATION_INTERVAL.toNanos()) {
            try {
                endRevokedSessions();
            } catch (RuntimeException e) {
                // The database failing here must not hold up the leases and durable expiry below;
                // the next look covers the same time again.
                log.warn("Could not look for tokens revoked outside the hub ({}); looking again in {} s", e.toString(),
                        REVOCATION_INTERVAL.toSeconds());
            }
        }
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

    /**
     * Ends the sessions of the tokens revoked since the last look, with 4003 as a revoke through the
     * REST API does.
     */
    private void endRevokedSessions() {
        Instant now = clock.instant();
        lastRevocationLookNanos = System.nanoTime();
        // Several revokes of one token (a retried command) end its sessions once.
        var revoked = new LinkedHashSet<>(tokens.revokedSince(lastRevocationLook.minus(REVOCATION_OVERLAP)));
        lastRevocationLook = now;
        for (String tokenId : revoked) {
            int ended = sessions.endSessionsOf(tokenId, CloseCode.UNAUTHORIZED, "token revoked");
            if (ended > 0) {
                log.info("Ended {} session(s) of token {}: it was revoked outside the hub", ended, tokenId);
            }
        }
    }

    private void roundSafely() {
        try {
            round();
        } catch (Throwable e) {
            // A throw would cancel the fixed-rate task: leases would never run out again.
            log.error("Housekeeping (HTTP guards, token failures, revoked tokens, registry leases, durable message"
                    + " expiry) failed;"
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
