package dev.roadie.hub.api;

import dev.roadie.hub.auth.IssuedToken;
import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.auth.TokenInfo;
import dev.roadie.hub.context.HubContext;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.http.Context;
import java.util.List;

/** {@code /api/tokens}: create, list and revoke tokens; admin only. */
final class TokensController {
    private final HubContext hub;

    TokensController(HubContext hub) {
        this.hub = hub;
    }

    /** What an admin posts to create a token; no scopes means the kind's preset. */
    record NewToken(String name, String kind, List<String> scopes) {
    }

    /** The answer to a create: the token is in it this once. */
    record Created(TokenInfo info, String token) {
    }

    void list(Context ctx) {
        ApiAuth.require(ctx, "admin");
        ctx.json(hub.tokens().list());
    }

    void create(Context ctx) {
        ApiAuth.require(ctx, "admin");
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
            IssuedToken issued = hub.tokens().create(wanted.name(), wanted.kind(), scopes);
            hub.audit().record("api:" + ApiAuth.principal(ctx).name(), "token.create", "id=" + issued.info().id()
                    + " name=" + issued.info().name() + " kind=" + issued.info().kind()
                    + " scopes=" + String.join(" ", issued.info().scopes()));
            ctx.status(201).json(new Created(issued.info(), issued.token()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
    }

    void revoke(Context ctx) {
        Principal principal = ApiAuth.require(ctx, "admin");
        TokenInfo revoked;
        try {
            revoked = hub.tokens().revoke(ctx.pathParam("id"))
                    .orElseThrow(() -> new ApiException(404, ErrorCode.NOT_FOUND, "no such token"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(409, ErrorCode.INVALID_FRAME, e.getMessage());
        }
        hub.audit().record("api:" + principal.name(), "token.revoke", "id=" + revoked.id() + " name=" + revoked.name()
                + " kind=" + revoked.kind());
        // A revoked token must not keep a connection it opened before.
        for (ClientSession session : hub.sessions().snapshot()) {
            if (session.principal().tokenId().equals(revoked.id())) {
                session.end(CloseCode.UNAUTHORIZED, "token revoked by " + principal.name());
            }
        }
        ctx.json(revoked);
    }
}
