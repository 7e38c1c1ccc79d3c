package dev.roadie.voice.gateway;

import java.time.Duration;

/**
 * How the voice gateway client reconnects.
 *
 * @param connectTimeout       how long opening the WebSocket may take
 * @param maxReconnectAttempts reconnects in a row (without reaching ready or resumed in between)
 *                             before giving up
 * @param firstBackoff         the wait before the first reconnect; it doubles each attempt
 * @param maxBackoff           the longest wait between reconnects
 */
public record GatewayOptions(Duration connectTimeout, int maxReconnectAttempts, Duration firstBackoff, Duration maxBackoff) {

    /** 10 s to connect, 5 attempts, 0.5 s doubling up to 8 s: about 15 s of trying, as a voice call tolerates. */
    public static final GatewayOptions DEFAULTS =
            new GatewayOptions(Duration.ofSeconds(10), 5, Duration.ofMillis(500), Duration.ofSeconds(8));

    public GatewayOptions {
        if (maxReconnectAttempts < 0) {
            throw new IllegalArgumentException("maxReconnectAttempts is " + maxReconnectAttempts + ": use 0 to never reconnect, or more");
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoff " + firstBackoff + " to " + maxBackoff + ": the first wait must be at least zero and at most the longest");
        }
    }

    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
