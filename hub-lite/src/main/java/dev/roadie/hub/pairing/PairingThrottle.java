package dev.roadie.hub.pairing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.roadie.hub.config.PairingConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * Bounds what unauthenticated callers may try: pairing starts, invite redemptions and polls with
 * a device code the hub does not know, per client address ({@code pairing.attemptsPerAddress}
 * a minute) and from everyone together ({@code pairing.attemptsTotal}). A user code has about 34
 * bits; at these rates guessing one before it expires is hopeless.
 */
public final class PairingThrottle {
    private static final Duration PERIOD = Duration.ofMinutes(1);
    /** Bounds the addresses kept; one whose bucket was dropped starts with a full one after a quiet minute. */
    private static final int MAX_ADDRESSES = 10_000;

    private final PairingConfig config;
    private final Bucket total;
    private final Cache<String, Bucket> perAddress = Caffeine.newBuilder().expireAfterAccess(PERIOD)
            .maximumSize(MAX_ADDRESSES).build();

    public PairingThrottle(PairingConfig config) {
        this.config = config;
        this.total = bucket(config.attemptsTotal());
    }

    /**
     * Counts one attempt from {@code address}; when over either limit it is not counted, and the
     * answer is how long to wait.
     */
    public Optional<Duration> take(String address) {
        Bucket own = own(address);
        ConsumptionProbe mine = own.tryConsumeAndReturnRemaining(1);
        if (!mine.isConsumed()) {
            return Optional.of(wait(mine));
        }
        ConsumptionProbe all = total.tryConsumeAndReturnRemaining(1);
        if (!all.isConsumed()) {
            own.addTokens(1);
            return Optional.of(wait(all));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code address} may make an attempt now, without counting one: asked before an
     * answer that is counted only when the code turns out unknown, so that a guesser over the
     * limit learns nothing from which answers are refused.
     */
    public Optional<Duration> check(String address) {
        if (own(address).getAvailableTokens() < 1) {
            return Optional.of(PERIOD.dividedBy(config.attemptsPerAddress()));
        }
        if (total.getAvailableTokens() < 1) {
            return Optional.of(PERIOD.dividedBy(config.attemptsTotal()));
        }
        return Optional.empty();
    }

    private Bucket own(String address) {
        return perAddress.get(address, ignored -> bucket(config.attemptsPerAddress()));
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder().addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, PERIOD)).build();
    }

    private static Duration wait(ConsumptionProbe probe) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
