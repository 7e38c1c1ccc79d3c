package dev.roadie.hub.api;

import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.http.ClientAddresses;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's one access check: before every matched route it reads the {@link Access} the
 * route declares, authenticates the bearer token as the socket does the hello, holds the token
 * to its rate and checks the scope. A route that declares no access is refused.
 */
public final class ApiAuth {
    private static final Logger log = LoggerFactory.getLogger(ApiAuth.class);
    private static final String PRINCIPAL = "roadie.principal";

    private final TokenService tokens;
    private final RestRateLimit rate;
    private final FailedTokenChecks failures;
    private final ClientAddresses addresses;

    /**
     * @param limits    the socket's frame rate, which each token's REST calls are held to as well
     * @param failures  failed token checks per client address, shared with the socket's hellos
     * @param addresses how the client's address is told (trusted proxies)
     */
    public ApiAuth(TokenService tokens, HubConfig.Limits limits, FailedTokenChecks failures,
            ClientAddresses addresses) {
        this.tokens = tokens;
        this.rate = new RestRateLimit(limits);
        this.failures = failures;
        this.addresses = addresses;
    }

    /** The {@code beforeMatched} handler: lets the call through to its route only as the route's {@link Access} says. */
    void check(Context ctx) {
        Endpoint route = ctx.endpoints().matchedHttpEndpoint();
        if (route == null) {
            // No route matched: a file of the web page, which anyone may load (the page asks for a token itself).
            return;
        }
        Access access = declared(ctx, route);
        switch (access) {
            case Access.Public ignored -> {
            }
            case Access.AnyToken ignored -> authenticate(ctx);
            case Access.Scope scope -> {
                if (!authenticate(ctx).scopes().has(scope.name())) {
                    throw new ApiException(403, ErrorCode.FORBIDDEN, "this token lacks the scope " + scope.name());
                }
            }
        }
    }

    /** The one {@link Access} the route declares; none (or two) is a mistake in the hub, refused. */
    private static Access declared(Context ctx, Endpoint route) {
        List<Access> declared = ctx.routeRoles().stream()
                .filter(Access.class::isInstance).map(Access.class::cast).toList();
        if (declared.size() != 1) {
            log.error("{} {} declares {} Access roles instead of one: every call to it is refused until it declares"
                    + " one (see ApiRoutes)", route.method, route.path, declared.size());
            throw new ApiException(500, ErrorCode.INTERNAL, route.method + " " + route.path + " is refused: the hub"
                    + " does not say who may call it. This is a bug in the hub; please report it");
        }
        return declared.getFirst();
    }

    /** Every call needs a valid token, within the token's rate. */
    private Principal authenticate(Context ctx) {
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
        return principal;
    }

    /** Refuses a call from an address that must wait after too many failed token checks. */
    private static ApiException tooManyFailures(Context ctx, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        return new ApiException(429, ErrorCode.RATE_LIMITED, "too many failed token checks from your address:"
                + " try again in " + seconds + " s, with a valid token");
    }

    /** The caller, on a route that declares {@link Access#TOKEN} or a scope. */
    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, "not authenticated");
        }
        return principal;
    }
}
