package dev.roadie.search.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket for one service: at most {@code permits} requests per {@code period}, with a
 * pause when the service itself said "retry after". The clock is injected so that tests can
 * move time instead of waiting.
 */
public final class RateLimiter {

    private final double capacity;
    private final double nanosPerPermit;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;
    private long pausedUntil;

    /**
     * @param permits   requests allowed per period (also the burst)
     * @param period    the period
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    public RateLimiter(int permits, Duration period, LongSupplier nanoClock) {
        if (permits < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per positive period");
        }
        this.capacity = permits;
        this.nanosPerPermit = (double) period.toNanos() / permits;
        this.nanoClock = nanoClock;
        this.tokens = permits;
        this.lastRefill = nanoClock.getAsLong();
        this.pausedUntil = lastRefill;
    }

    /**
     * Takes a permit and says how long the caller must wait before using it (zero when it may go
     * now). A caller that will not wait that long calls {@link #giveBack()}.
     */
    public synchronized Duration reserve() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) / nanosPerPermit);
        lastRefill = now;
        tokens -= 1;
        long waitForToken = tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerPermit);
        long waitForPause = Math.max(0, pausedUntil - now);
        return Duration.ofNanos(Math.max(waitForToken, waitForPause));
    }

    /** Returns a permit the caller reserved but did not use. */
    public synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    /** The service asked us to stay away for this long (a 429 with Retry-After). */
    public synchronized void pauseFor(Duration retryAfter) {
        pausedUntil = Math.max(pausedUntil, nanoClock.getAsLong() + retryAfter.toNanos());
    }
}
