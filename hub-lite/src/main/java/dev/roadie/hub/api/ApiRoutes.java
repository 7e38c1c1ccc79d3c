package dev.roadie.hub.api;

import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.context.HubContext;
import dev.roadie.hub.http.ClientAddresses;
import dev.roadie.hub.store.StoreException;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST API and {@code /metrics}: every route, its auth, and how errors become JSON. */
public final class ApiRoutes {
    private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);

    private final HubContext hub;
    private final ApiAuth auth;

    /**
     * @param failures  failed token checks per client address, shared with the socket's hellos
     * @param addresses how the client's address is told (trusted proxies)
     */
    public ApiRoutes(HubContext hub, FailedTokenChecks failures, ClientAddresses addresses) {
        this.hub = hub;
        this.auth = new ApiAuth(hub.tokens(), new RestRateLimit(hub.config().limits()), failures, addresses);
    }

    /** The answer of {@code /api/health}: {@code ok}, or {@code failing} with the reason (then with status 503). */
    record Health(String status, String epoch, String version, String reason) {
    }

    public void configure(JavalinConfig config) {
        var services = new ServicesController(hub);
        var messaging = new MessagingController(hub);
        var tokens = new TokensController(hub);
        var search = new SearchController(hub);
        var certs = new CertificatesController(hub);
        var routes = config.routes;

        routes.get("/api/health", this::health);
        routes.before("/api/services*", auth::authenticate);
        routes.before("/api/send", auth::authenticate);
        routes.before("/api/request", auth::authenticate);
        routes.before("/api/gather", auth::authenticate);
        routes.before("/api/tokens*", auth::authenticate);
        routes.before("/metrics", auth::authenticate);
        routes.before("/api/search*", auth::authenticate);
        routes.before("/api/resolve", auth::authenticate);
        routes.before("/api/providers", auth::authenticate);
        routes.before("/api/search/stream", search::checkStream);
        routes.before("/api/certs", auth::authenticate);
        routes.before("/api/certs/*", auth::authenticate);

        routes.get("/api/services", services::list);
        routes.get("/api/services/{kind}/{name}", services::get);
        routes.post("/api/services/{kind}/{name}/state", services::setState);
        routes.post("/api/send", messaging::send);
        routes.post("/api/request", messaging::request);
        routes.post("/api/gather", messaging::gather);
        routes.get("/api/tokens", tokens::list);
        routes.post("/api/tokens", tokens::create);
        routes.delete("/api/tokens/{id}", tokens::revoke);
        routes.get("/metrics", this::metrics);
        routes.get("/api/search", search::search);
        routes.sse("/api/search/stream", search::stream);
        routes.get("/api/resolve", search::resolve);
        routes.get("/api/providers", search::listProviders);
        routes.get("/api/certs", certs::list);
        routes.post("/api/certs", certs::declare);
        routes.get("/api/certs/{name}", certs::get);
        routes.delete("/api/certs/{name}", certs::delete);
        routes.get("/api/certs/{name}/fullchain.pem", certs::fullchain);
        routes.get("/api/certs/{name}/privkey.pem", certs::privateKey);
        routes.get("/api/certs/{name}/bundle.p12", certs::pkcs12);
        routes.post("/api/certs/{name}/installed", certs::installed);
        routes.post("/api/certs/{name}/renew", certs::renew);
        routes.post("/api/certs/{name}/import", certs::importPem);

        routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        routes.exception(StoreException.class, (e, ctx) -> {
            // The operator's message names files and folders: it goes to the log, not to the caller.
            log.error("REST call {} {} failed on the hub's storage", ctx.method(), ctx.path(), e);
            ctx.status(503).json(new ApiException(503, ErrorCode.INTERNAL, "the hub cannot use its storage now;"
                    + " nothing was changed. Try again later; /api/health says whether the hub is failing").body());
        });
        routes.exception(Exception.class, (e, ctx) -> {
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

    private void health(Context ctx) {
        // A hub that cannot store anything must not look healthy to a monitor or to serve --check.
        hub.dataFolder().problem().ifPresentOrElse(
                problem -> ctx.status(503).json(new Health("failing", hub.epoch(), version(), problem)),
                () -> ctx.json(new Health("ok", hub.epoch(), version(), null)));
    }

    private void metrics(Context ctx) throws IOException {
        Principal principal = ApiAuth.principal(ctx);
        if (!principal.scopes().has("metrics")) {
            throw new ApiException(403, ErrorCode.FORBIDDEN, "this token lacks the scope metrics");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        hub.metrics().writeTo(out);
        ctx.contentType(hub.metrics().contentType()).result(out.toByteArray());
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static String version() {
        String version = ApiRoutes.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
