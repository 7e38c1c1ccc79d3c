package dev.roadie.client;

import java.time.Duration;

/**
 * How long a client waits before its next attempt to reach the hub, after an attempt in which
 * every address of every hub URI failed. A hub's goodbye overrides it with the delay the hub asks for.
 */
@FunctionalInterface
public interface ReconnectPolicy {

    /**
     * The delay before the next attempt.
     *
     * @param attempt how many attempts in a row failed before this one: 0 right after a working
     *                link was lost, then 1, 2, ...
     * @return the delay; zero or more
     */
    Duration delay(int attempt);
}
