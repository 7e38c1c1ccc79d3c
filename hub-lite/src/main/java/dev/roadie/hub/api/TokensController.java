package dev.roadie.hub.api;

import dev.roadie.hub.auth.IssuedToken;
import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.auth.TokenInfo;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.http.Context;
import java.util.List;

/** {@code /api/tokens}: create, list and revoke tokens; admin only. */
public final class TokensController {
    private final TokenService tokens;
    private final AuditLog audit;
    private final SessionTable sessions;

    /** @param sessions the open connections, so that a revoked token's end at once */
    public TokensController(TokenService tokens, AuditLog audit, SessionTable sessions) {
        this.tokens = tokens;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** What an admin posts to create a token; no scopes means the kind's preset. */
    record NewToken(String name, String kind, List<String> scopes) {
    }

    /** The answer to a create: the token is in it this once. */
    record Created(TokenInfo info, String token) {
    }

    void list(Context ctx) {
        ctx.json(tokens.list());
    }

    void create(Context ctx) {
        NewToken wanted;
        try {
            wanted = ctx.bodyAsClass(NewToken.class);
        } catch (RuntimeException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, "send {\"name\": ..., \"kind\": ..., \"scopes\": [...]}");
        }
        if (wanted == null || wanted.name() == null || wanted.kind() == null) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, "'name' and 'kind' are required");
        }
        List<String> scopes = wanted.scopes() == null || wanted.scopes().isEmpty()
                ? dev.roadie.hub.auth.ScopePresets.forKind(wanted.kind()) : wanted.scopes();
        try {
            IssuedToken issued = tokens.create(wanted.name(), wanted.kind(), scopes);
            audit.record("api:" + ApiAuth.principal(ctx).name(), "token.create", "id=" + issued.info().id()
                    + " name=" + issued.info().name() + " kind=" + issued.info().kind()
                    + " scopes=" + String.join(" ", issued.info().scopes()));
            ctx.status(201).json(new Created(issued.info(), issued.token()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
    }

    void revoke(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        TokenInfo revoked;
        try {
            revoked = tokens.revoke(ctx.pathParam("id"))
                    .orElseThrow(() -> new ApiException(404, ErrorCode.NOT_FOUND, "no such token"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(409, ErrorCode.INVALID_FRAME, e.getMessage());
        }
        audit.record("api:" + principal.name(), "token.revoke", "id=" + revoked.id() + " name=" + revoked.name()
                + " kind=" + revoked.kind());
        sessions.endSessionsOf(revoked.id(), CloseCode.UNAUTHORIZED, "token revoked by " + principal.name());
        ctx.json(revoked);
    }
}
