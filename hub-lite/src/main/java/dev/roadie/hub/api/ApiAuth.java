package dev.roadie.hub.api;

import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.http.ClientAddresses;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Collections;

/**
 * Authenticates REST calls by their bearer token, as the socket does by the hello, and holds
 * each token to its rate.
 */
final class ApiAuth {
    private static final String PRINCIPAL = "roadie.principal";

    private final TokenService tokens;
    private final RestRateLimit rate;
    private final FailedTokenChecks failures;
    private final ClientAddresses addresses;

    ApiAuth(TokenService tokens, RestRateLimit rate, FailedTokenChecks failures, ClientAddresses addresses) {
        this.tokens = tokens;
        this.rate = rate;
        this.failures = failures;
        this.addresses = addresses;
    }

    /** A before-handler: every call under it needs a valid token, within the token's rate. */
    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, "send the token as an Authorization: Bearer header");
        }
        String address = addresses.of(ctx.req().getRemoteAddr(),
                Collections.list(ctx.req().getHeaders(ClientAddresses.FORWARDED_FOR)));
        Duration wait = failures.waitFor(address);
        if (!wait.isZero()) {
            throw tooManyFailures(ctx, wait);
        }
        String token = header.substring(7).trim();
        Principal principal = tokens.authenticate(token).orElse(null);
        if (principal == null) {
            failures.failed(address, "rest", token);
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, "the token is unknown or revoked");
        }
        rate.take(principal, ctx);
        ctx.attribute(PRINCIPAL, principal);
    }

    /** Refuses a call from an address that must wait after too many failed token checks. */
    private static ApiException tooManyFailures(Context ctx, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        return new ApiException(429, ErrorCode.RATE_LIMITED, "too many failed token checks from your address:"
                + " try again in " + seconds + " s, with a valid token");
    }

    /** The caller, after {@link #authenticate}. */
    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, "not authenticated");
        }
        return principal;
    }

    /** Refuses the call unless the caller has the plain scope {@code scope} (admin has all). */
    static Principal require(Context ctx, String scope) {
        Principal principal = principal(ctx);
        if (!principal.scopes().has(scope)) {
            throw new ApiException(403, ErrorCode.FORBIDDEN, "this token lacks the scope " + scope);
        }
        return principal;
    }
}
