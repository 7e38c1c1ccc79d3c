package dev.roadie.hub.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test moves it, so that expiry, leases and renewals are
 * tested without waiting. It is also a cache {@link Ticker} moving with it, for parts that keep
 * answers for a while. Safe to read from the hub's own threads while the test moves it.
 */
public final class ManualClock extends Clock implements Ticker {
    private volatile Instant now;
    private volatile long nanos;

    public ManualClock(Instant start) {
        this.now = start;
    }

    /** A clock standing at {@code start}, written as {@code 2026-12-07T08:00:00Z}. */
    public static ManualClock at(String start) {
        return new ManualClock(Instant.parse(start));
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
        nanos += duration.toNanos();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long read() {
        return nanos;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // The hub works in UTC; a test that asks for another zone has a mistake to find.
        throw new UnsupportedOperationException("the hub and its tests use UTC");
    }
}
