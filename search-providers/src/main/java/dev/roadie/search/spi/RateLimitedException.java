package dev.roadie.search.spi;

import java.time.Duration;

/** The service said "too many requests" (or our own limit for it is used up): try again later. */
public class RateLimitedException extends ProviderException {

    private final Duration retryAfter;

    /**
     * @param message    why
     * @param retryAfter how long to wait before asking that service again
     */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before asking that service again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
