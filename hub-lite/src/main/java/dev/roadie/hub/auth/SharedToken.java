package dev.roadie.hub.auth;

import java.util.List;
import java.util.Objects;

/**
 * A token as the hubs of a cluster share it: everything but the time of last use, which each
 * hub keeps for itself. The secret is only its SHA-256 ({@code secretHash}, hex), as in the
 * database: a shared token cannot be turned back into the token.
 *
 * @param revokedAt epoch milliseconds, {@code null} while the token is active
 */
public record SharedToken(String id, String name, String kind, List<String> scopes, String secretHash,
                          long createdAt, Long revokedAt) {

    public SharedToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(secretHash, "secretHash");
    }

    public boolean active() {
        return revokedAt == null;
    }
}
