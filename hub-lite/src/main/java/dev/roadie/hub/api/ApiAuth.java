package dev.roadie.hub.api;

import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.http.Context;

/**
 * Authenticates REST calls by their bearer token, as the socket does by the hello, and holds
 * each token to its rate.
 */
final class ApiAuth {
    private static final String PRINCIPAL = "roadie.principal";

    private final TokenService tokens;
    private final RestRateLimit rate;

    ApiAuth(TokenService tokens, RestRateLimit rate) {
        this.tokens = tokens;
        this.rate = rate;
    }

    /** A before-handler: every call under it needs a valid token, within the token's rate. */
    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, "send the token as an Authorization: Bearer header");
        }
        Principal principal = tokens.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, ErrorCode.UNAUTHORIZED, "the token is unknown or revoked"));
        rate.take(principal, ctx);
        ctx.attribute(PRINCIPAL, principal);
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
