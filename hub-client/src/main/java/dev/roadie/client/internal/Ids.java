package dev.roadie.client.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Frame ids: a random prefix per client and a counter, so that ids stay unique across
 * reconnects and restarts of the application (receivers drop duplicates by sender and id).
 */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    Ids() {
        this.prefix = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    String next() {
        return prefix + "-" + Long.toString(counter.incrementAndGet(), 36);
    }
}
