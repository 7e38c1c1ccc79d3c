package dev.roadie.hub.auth;

import java.time.Instant;

/** A row of the {@code tokens} table, with the scopes parsed and the hash decoded. */
record TokenRecord(String id, String name, String kind, Scopes scopes, byte[] secretHash, Instant createdAt,
                   Instant revokedAt, Instant lastUsedAt) {

    boolean active() {
        return revokedAt == null;
    }

    TokenRecord revokedAt(Instant at) {
        return new TokenRecord(id, name, kind, scopes, secretHash, createdAt, at, lastUsedAt);
    }

    Principal principal() {
        return new Principal(id, name, kind, scopes);
    }

    TokenInfo info() {
        return new TokenInfo(id, name, kind, scopes.asList(), createdAt, revokedAt, lastUsedAt);
    }

    @Override
    public String toString() {
        return "TokenRecord[id=" + id + ", name=" + name + ", kind=" + kind + ", scopes=" + scopes.asList()
                + ", revokedAt=" + revokedAt + "]";
    }
}
