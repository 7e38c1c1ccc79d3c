package dev.roadie.search.http;

import java.time.Duration;

/**
 * How one service may be fetched from.
 *
 * @param timeout      the whole exchange, headers and body, including any wait for the rate limit
 * @param maxBytes     the largest body accepted
 * @param maxRedirects redirects followed before giving up (each target is checked again)
 * @param userAgent    sent on every request (MusicBrainz refuses anonymous clients)
 */
public record FetchPolicy(Duration timeout, long maxBytes, int maxRedirects, String userAgent) {

    /** Names Roadie honestly, as MusicBrainz asks of every client. */
    public static final String DEFAULT_USER_AGENT = "Roadie/0.1 ( https://github.com/roadie-dev/roadie )";

    /** Validates. */
    public FetchPolicy {
        if (timeout.isNegative() || timeout.isZero() || maxBytes < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException("a fetch policy needs a positive timeout and size, and redirects >= 0");
        }
    }
}
