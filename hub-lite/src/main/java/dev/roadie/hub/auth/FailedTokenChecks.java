package dev.roadie.hub.auth;

import dev.roadie.hub.http.ClientAddresses;
import dev.roadie.hub.store.AuditLog;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down token guessing: after {@code limits.freeTokenFailures} failed token checks from
 * one client address, REST calls and hellos, that address must wait before its next check,
 * {@code limits.tokenFailureWait} at first and twice as long after each further failure, up
 * to {@code limits.maxTokenFailureWait}. While it waits no token of it is checked at all, valid
 * or not, so guessing costs time whatever the guesser sends. An address with no failure for the
 * longest wait starts afresh. Every failed check, and every wait imposed, is in the audit log.
 * Addresses count by {@link ClientAddresses#limitKey}: all of an IPv6 /64 as one.
 */
public final class FailedTokenChecks {
    private static final Logger log = LoggerFactory.getLogger(FailedTokenChecks.class);

    private final int free;
    private final long firstWaitNanos;
    private final long maxWaitNanos;
    private final AuditLog audit;
    private final LongSupplier nanoTime;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    /** Failures of one address: how many since it started afresh, the last, and until when it waits. */
    private record Failures(int count, long lastNanos, long waitUntilNanos) {
    }

    public FailedTokenChecks(int free, Duration firstWait, Duration maxWait, AuditLog audit) {
        this(free, firstWait, maxWait, audit, System::nanoTime);
    }

    FailedTokenChecks(int free, Duration firstWait, Duration maxWait, AuditLog audit, LongSupplier nanoTime) {
        this.free = free;
        this.firstWaitNanos = firstWait.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.audit = audit;
        this.nanoTime = nanoTime;
    }

    /** How long {@code address} must still wait before a token of it is checked; zero when it need not. */
    public Duration waitFor(String address) {
        Failures failures = byAddress.get(ClientAddresses.limitKey(address));
        if (failures == null) {
            return Duration.ZERO;
        }
        long left = failures.waitUntilNanos() - nanoTime.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /**
     * Records a failed check of {@code token} from {@code address}, made by {@code where}
     * ({@code hello} or {@code rest}); returns the wait it now imposes, zero while still free.
     */
    public Duration failed(String address, String where, String token) {
        long now = nanoTime.getAsLong();
        Failures after = byAddress.compute(ClientAddresses.limitKey(address), (a, before) -> {
            int count = before == null || now - before.lastNanos() > maxWaitNanos ? 1 : before.count() + 1;
            long wait = count <= free ? 0 : waitAfter(count - free);
            return new Failures(count, now, now + wait);
        });
        long wait = after.waitUntilNanos() - now;
        String tokenId = TokenFormat.parse(token).map(TokenParts::id).orElse("(not a token)");
        audit.record("address:" + address, "token.failed", where + " token id " + tokenId
                + (wait > 0 ? "; failure " + after.count() + ", must wait " + wait / 1_000_000 + " ms" : ""));
        if (wait > 0) {
            log.warn("{} failed token checks from {}: its next check waits {} ms", after.count(), address,
                    wait / 1_000_000);
        }
        return Duration.ofNanos(wait);
    }

    /** Forgets addresses that have started afresh; runs on the hub's timer. */
    public void sweep() {
        long now = nanoTime.getAsLong();
        byAddress.values().removeIf(f -> now - f.lastNanos() > maxWaitNanos && now >= f.waitUntilNanos());
    }

    /** The first wait doubled for each failure past the first one over the free ones, at most the longest. */
    private long waitAfter(int overFree) {
        long wait = firstWaitNanos;
        for (int i = 1; i < overFree && wait < maxWaitNanos; i++) {
            wait *= 2;
        }
        return Math.min(wait, maxWaitNanos);
    }
}
