package dev.roadie.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Exponential backoff with full jitter: the delay before attempt {@code n} is a random value
 * between 0 and {@code min(cap, base * 2^n)}. Spreading delays over the whole range keeps clients
 * that lost the hub together from coming back together.
 */
public final class ExponentialBackoff implements ReconnectPolicy {

    /** The default base delay: 250 ms. */
    public static final Duration DEFAULT_BASE = Duration.ofMillis(250);
    /** The default longest delay: 30 s. */
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);

    private final long baseNanos;
    private final long capNanos;
    private final Random random;

    /** Backoff from {@link #DEFAULT_BASE} doubling up to {@link #DEFAULT_CAP}. */
    public ExponentialBackoff() {
        this(DEFAULT_BASE, DEFAULT_CAP);
    }

    /** Backoff from {@code base} doubling up to {@code cap}. */
    public ExponentialBackoff(Duration base, Duration cap) {
        this(base, cap, new Random());
    }

    /** Backoff drawing its jitter from {@code random}; pass a seeded one for repeatable delays. */
    public ExponentialBackoff(Duration base, Duration cap, Random random) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("the backoff base must be positive, got " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("the backoff cap (" + cap + ") must not be shorter than its base ("
                    + base + ")");
        }
        this.baseNanos = base.toNanos();
        this.capNanos = cap.toNanos();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The upper bound of the delay before attempt {@code attempt}: {@code min(cap, base * 2^attempt)}. */
    public Duration bound(int attempt) {
        int shift = Math.max(0, Math.min(attempt, 62));
        long bound = baseNanos > (capNanos >> shift) ? capNanos : Math.min(capNanos, baseNanos << shift);
        return Duration.ofNanos(bound);
    }

    @Override
    public Duration delay(int attempt) {
        long bound = bound(attempt).toNanos();
        return Duration.ofNanos((long) (random.nextDouble() * (bound + 1)));
    }

    @Override
    public String toString() {
        return "ExponentialBackoff[base=" + Duration.ofNanos(baseNanos) + ", cap=" + Duration.ofNanos(capNanos) + "]";
    }
}
