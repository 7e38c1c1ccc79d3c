package dev.roadie.hub.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.model.wire.ErrorCode;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * The REST API's rate limit: each token may make as many calls per second as one socket
 * connection may send frames ({@code limits.framesPerSecond}, bursts of {@code limits.frameBurst}),
 * since a call does what a frame does. Without it a token that was held to 200 frames a second
 * on the socket sent 452 messages a second over REST. A call over the rate is answered 429
 * {@code rate-limited} with {@code Retry-After}.
 */
final class RestRateLimit {
    /** A token idle this long has its whole burst back anyway: its bucket can go. */
    private static final Duration IDLE = Duration.ofMinutes(1);
    /** Bounds the buckets kept; a token whose bucket was dropped starts with a full one. */
    private static final int MAX_TOKENS = 10_000;

    private final HubConfig.Limits limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(IDLE)
            .maximumSize(MAX_TOKENS).build();

    RestRateLimit(HubConfig.Limits limits) {
        this.limits = limits;
    }

    /** Counts one call of {@code principal}'s token; refuses it with 429 and Retry-After when over the rate. */
    void take(Principal principal, Context ctx) {
        Bucket bucket = buckets.get(principal.tokenId(), id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.frameBurst()).refillGreedy(limits.framesPerSecond(),
                        Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, ErrorCode.RATE_LIMITED, "more than " + limits.framesPerSecond()
                    + " calls per second with this token (limits.framesPerSecond, as on the socket): retry after "
                    + seconds + " s");
        }
    }
}
