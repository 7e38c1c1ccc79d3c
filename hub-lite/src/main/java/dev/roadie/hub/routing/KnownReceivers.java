package dev.roadie.hub.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.registry.Registry;
import dev.roadie.model.registry.ServiceId;
import java.time.Duration;

/**
 * The services a durable message may wait for: those some client could ever take it as. A
 * service is known when an active token names it ({@code KIND/NAME}), when it is in the
 * registry (announced, and not yet forgotten), or when durable messages already wait for it.
 * Anything else is a made-up name, and a message kept for it would only fill the disk.
 */
final class KnownReceivers {
    /** As long as the token service caches its records: a new token's identity is known within this. */
    static final Duration TOKEN_ANSWER_TTL = Duration.ofSeconds(5);
    /** Bounds the answers kept: a flood of made-up names must not grow memory. */
    private static final int CACHE_SIZE = 10_000;

    private final Registry registry;
    private final TokenService tokens;
    private final DurableMessages durable;
    /** The token store's answers: a sender repeating a name must not query the database each time. */
    private final Cache<ServiceId, Boolean> hasToken = Caffeine.newBuilder().expireAfterWrite(TOKEN_ANSWER_TTL)
            .maximumSize(CACHE_SIZE).build();

    KnownReceivers(Registry registry, TokenService tokens, DurableMessages durable) {
        this.registry = registry;
        this.tokens = tokens;
        this.durable = durable;
    }

    boolean isKnown(ServiceId service) {
        return registry.get(service).isPresent() || durable.mayHaveWaiting(service)
                || hasToken.get(service, s -> tokens.hasActiveIdentity(s.kind(), s.name()));
    }
}
