package dev.roadie.hub.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What may be shown about a token: everything but its secret.
 *
 * @param id the token's id, the part of the token after {@code rd_}; not secret
 * @param name who or what it was made for
 * @param kind the kind of client
 * @param scopes what it may do
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, null while it is active
 * @param lastUsedAt when it last authenticated (kept to the minute), null if never
 */
public record TokenInfo(String id, String name, String kind, List<String> scopes, Instant createdAt,
                        Instant revokedAt, Instant lastUsedAt) {
    public TokenInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether it has not been revoked. */
    public boolean active() {
        return revokedAt == null;
    }
}
