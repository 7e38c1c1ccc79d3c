package dev.roadie.hub.certs;

import java.time.Duration;
import java.time.Instant;

/** When to renew, and how long to wait after failures. */
public final class Renewals {
    private Renewals() {
    }

    /** The moment a third of the lifetime is left. */
    public static Instant thirdLeft(Instant notBefore, Instant notAfter) {
        Duration lifetime = Duration.between(notBefore, notAfter);
        return notAfter.minus(lifetime.dividedBy(3));
    }

    /**
     * The wait after {@code failures} failed attempts in a row: {@code min}, doubled for each
     * further failure, never more than {@code max}.
     */
    public static Duration backoff(int failures, Duration min, Duration max) {
        if (failures <= 1) {
            return min;
        }
        // Past 2^30 any sane minimum is over any sane maximum: stop doubling before overflowing.
        int doublings = Math.min(failures - 1, 30);
        Duration wait = min;
        for (int i = 0; i < doublings && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
