package dev.roadie.hub.api;

import dev.roadie.hub.cluster.ClusterUnreachableException;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.http.Context;

/** {@code GET /api/audit}: the last entries of the audit log, the cluster's in cluster mode. */
public final class AuditController {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    void list(Context ctx) {
        int limit = DEFAULT_LIMIT;
        String asked = ctx.queryParam("limit");
        if (asked != null) {
            try {
                limit = Integer.parseInt(asked);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ApiException(400, ErrorCode.INVALID_FRAME, "limit must be a number from 1 to " + MAX_LIMIT
                        + ", got '" + asked + "'");
            }
        }
        try {
            ctx.json(audit.listing(limit));
        } catch (ClusterUnreachableException e) {
            throw new ApiException(503, ErrorCode.UPSTREAM_FAILED, e.getMessage());
        }
    }
}
