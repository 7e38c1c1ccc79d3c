package dev.roadie.hub.api;

import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.auth.Permissions;
import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.registry.RegistryElsewhereException;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.http.Context;
import java.util.List;

/** {@code /api/services}: the registry, with secrets only for those who may read them. */
public final class ServicesController {
    private final Registry registry;
    private final AuditLog audit;

    public ServicesController(Registry registry, AuditLog audit) {
        this.registry = registry;
        this.audit = audit;
    }

    /** What an admin posts to change a service's state. */
    record NewState(ServiceState state) {
    }

    void list(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        String kind = ctx.queryParam("kind");
        List<ServiceEntry> entries = registry.listEverywhere().stream()
                .filter(e -> kind == null || e.id().kind().equals(kind))
                .map(e -> visible(principal, e))
                .toList();
        ctx.json(entries);
    }

    void get(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        ServiceEntry entry = registry.getEverywhere(idOf(ctx))
                .orElseThrow(() -> new ApiException(404, ErrorCode.NOT_FOUND, "no such service"));
        ctx.json(visible(principal, entry));
    }

    void setState(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        NewState wanted;
        try {
            wanted = ctx.bodyAsClass(NewState.class);
        } catch (RuntimeException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, "send {\"state\": \"up\" | \"draining\" | \"retired\"}");
        }
        if (wanted == null || wanted.state() == null || wanted.state() == ServiceState.DOWN) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, "state must be up, draining or retired");
        }
        ServiceId id = idOf(ctx);
        // In a cluster the hub that holds the service makes the change; the answer is its entry after it.
        ctx.future(() -> registry.setStateWherever(id, wanted.state(), "admin " + principal.name())
                .handle((changed, failed) -> {
                    if (failed != null) {
                        Throwable why = failed instanceof java.util.concurrent.CompletionException ? failed.getCause()
                                : failed;
                        if (why instanceof RegistryElsewhereException elsewhere) {
                            ctx.status(503).json(new ApiException(503, ErrorCode.UPSTREAM_FAILED, elsewhere.getMessage())
                                    .body());
                            return null;
                        }
                        throw new java.util.concurrent.CompletionException(why);
                    }
                    if (changed.isEmpty()) {
                        ctx.status(404).json(new ApiException(404, ErrorCode.NOT_FOUND, "no such service").body());
                        return null;
                    }
                    audit.record("api:" + principal.name(), "service.state", id + " " + wanted.state().wire());
                    ctx.json(visible(principal, changed.get()));
                    return null;
                }));
    }

    private static ServiceId idOf(Context ctx) {
        try {
            return new ServiceId(ctx.pathParam("kind"), ctx.pathParam("name"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
    }

    private static ServiceEntry visible(Principal principal, ServiceEntry entry) {
        return Permissions.maySeeSecrets(principal, entry.id().kind()) ? entry : entry.withoutSecrets();
    }
}
