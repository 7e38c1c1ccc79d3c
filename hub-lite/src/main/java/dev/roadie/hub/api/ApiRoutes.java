package dev.roadie.hub.api;

import dev.roadie.hub.http.BodyTimeoutException;
import dev.roadie.hub.store.StoreException;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API and {@code /metrics}: every route with the {@link Access} it needs, the one check
 * that enforces it, and how errors become JSON. To add a route, declare it here with its access;
 * a route without one is refused (see docs/HUB.md, "Adding a route").
 */
public final class ApiRoutes {
    private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);

    private final ApiAuth auth;
    private final HealthController health;
    private final MetricsController metrics;
    private final ServicesController services;
    private final MessagingController messaging;
    private final TokensController tokens;
    private final SearchController search;
    private final CertificatesController certs;
    private final PairingController pairing;
    private final AuditController audit;

    public ApiRoutes(ApiAuth auth, HealthController health, MetricsController metrics, ServicesController services,
            MessagingController messaging, TokensController tokens, SearchController search,
            CertificatesController certs, PairingController pairing, AuditController audit) {
        this.auth = auth;
        this.health = health;
        this.metrics = metrics;
        this.services = services;
        this.messaging = messaging;
        this.tokens = tokens;
        this.search = search;
        this.certs = certs;
        this.pairing = pairing;
        this.audit = audit;
    }

    public void configure(JavalinConfig config) {
        var routes = config.routes;
        routes.beforeMatched(auth::check);

        routes.get("/api/health", health::health, Access.PUBLIC);
        routes.get("/metrics", metrics::metrics, Access.scope("metrics"));
        routes.get("/api/services", services::list, Access.scope("registry"));
        routes.get("/api/services/{kind}/{name}", services::get, Access.scope("registry"));
        routes.post("/api/services/{kind}/{name}/state", services::setState, Access.ADMIN);
        // Who may send where depends on the address in the body: the handler checks it.
        routes.post("/api/send", messaging::send, Access.TOKEN);
        routes.post("/api/request", messaging::request, Access.TOKEN);
        routes.post("/api/gather", messaging::gather, Access.TOKEN);
        routes.get("/api/tokens", tokens::list, Access.ADMIN);
        routes.post("/api/tokens", tokens::create, Access.ADMIN);
        routes.delete("/api/tokens/{id}", tokens::revoke, Access.ADMIN);
        routes.get("/api/audit", audit::list, Access.ADMIN);
        routes.get("/api/search", search::search, Access.scope("search"));
        routes.get("/api/search/stream", search::stream, Access.scope("search"));
        routes.get("/api/resolve", search::resolve, Access.scope("search"));
        routes.get("/api/providers", search::listProviders, Access.scope("search"));
        // Which certificates a token sees depends on its certs: scopes and the name in the path: the handlers check.
        routes.get("/api/certs", certs::list, Access.TOKEN);
        routes.post("/api/certs", certs::declare, Access.ADMIN);
        routes.get("/api/certs/{name}", certs::get, Access.TOKEN);
        routes.delete("/api/certs/{name}", certs::delete, Access.ADMIN);
        routes.get("/api/certs/{name}/fullchain.pem", certs::fullchain, Access.TOKEN);
        routes.get("/api/certs/{name}/privkey.pem", certs::privateKey, Access.TOKEN);
        routes.get("/api/certs/{name}/bundle.p12", certs::pkcs12, Access.TOKEN);
        routes.post("/api/certs/{name}/installed", certs::installed, Access.TOKEN);
        routes.post("/api/certs/{name}/renew", certs::renew, Access.ADMIN);
        routes.post("/api/certs/{name}/import", certs::importPem, Access.ADMIN);
        // A device has no token yet: its calls are held to the pairing throttle instead.
        routes.post("/api/pair/start", pairing::start, Access.PUBLIC);
        routes.post("/api/pair/token", pairing::token, Access.PUBLIC);
        routes.post("/api/pair/redeem", pairing::redeem, Access.PUBLIC);
        routes.get("/api/pair/requests", pairing::requests, Access.ADMIN);
        routes.post("/api/pair/requests/{code}/approve", pairing::approve, Access.ADMIN);
        routes.post("/api/pair/requests/{code}/deny", pairing::deny, Access.ADMIN);
        routes.post("/api/pair/invites", pairing::invite, Access.ADMIN);
        routes.get("/api/pair/devices", pairing::devices, Access.ADMIN);
        routes.delete("/api/pair/devices/{id}", pairing::revoke, Access.ADMIN);

        errors(routes);
    }

    /** How refusals and failures become the API's JSON error body. */
    static void errors(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        // In cluster mode what lives in Redis (certificates) cannot be read while it is away: say so, as for the audit log.
        routes.exception(dev.roadie.hub.cluster.ClusterUnreachableException.class, (e, ctx) -> ctx.status(503)
                .json(new ApiException(503, ErrorCode.UPSTREAM_FAILED, e.getMessage()).body()));
        routes.exception(dev.roadie.hub.cluster.MasterKeyMismatchException.class, (e, ctx) -> ctx.status(503)
                .json(new ApiException(503, ErrorCode.UPSTREAM_FAILED, e.getMessage()).body()));
        routes.exception(StoreException.class, (e, ctx) -> {
            // The operator's message names files and folders: it goes to the log, not to the caller.
            log.error("REST call {} {} failed on the hub's storage", ctx.method(), ctx.path(), e);
            ctx.status(503).json(new ApiException(503, ErrorCode.INTERNAL, "the hub cannot use its storage now;"
                    + " nothing was changed. Try again later; /api/health says whether the hub is failing").body());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            Optional<BodyTimeoutException> slowBody = cause(e, BodyTimeoutException.class);
            if (slowBody.isPresent()) {
                // The body took too long to arrive: say which setting cut it off, in the API's error shape.
                ctx.status(408).json(new ApiException(408, ErrorCode.LIMIT_REACHED, slowBody.get().getMessage())
                        .body());
                return;
            }
            if (clientWentAway(e)) {
                // A client that resets its connection mid-call (or mid-upgrade) is not the hub failing.
                log.debug("{} {}: the client went away ({})", ctx.method(), ctx.path(), e.toString());
                return;
            }
            log.error("REST call {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ApiException(500, ErrorCode.INTERNAL, "the hub failed; it is logged").body());
        });
        routes.error(404, ctx -> {
            // Unknown API paths answer in the API's error shape; a refused call already has its body.
            if (ctx.path().startsWith("/api/") && !String.valueOf(ctx.res().getContentType()).contains("json")) {
                ctx.json(new ApiException(404, ErrorCode.NOT_FOUND, "no such endpoint: " + ctx.method() + " "
                        + ctx.path()).body());
            }
        });
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
