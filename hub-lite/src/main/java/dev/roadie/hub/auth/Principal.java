package dev.roadie.hub.auth;

import java.util.Objects;

/**
 * Who is calling, as established by a valid token.
 *
 * @param tokenId the id of the token used, not secret
 * @param name the token's name, such as {@code alice-laptop}
 * @param kind the kind of client, such as {@code desktop}
 * @param scopes what it may do
 */
public record Principal(String tokenId, String name, String kind, Scopes scopes) {
    public Principal {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scopes, "scopes");
    }

    /** Whether it holds the {@code admin} scope, which allows everything. */
    public boolean isAdmin() {
        return scopes.has("admin");
    }
}
