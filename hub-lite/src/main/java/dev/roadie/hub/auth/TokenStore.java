package dev.roadie.hub.auth;

import dev.roadie.hub.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the {@code tokens} table. Every method takes the connection, so that callers
 * compose them inside one {@link dev.roadie.hub.store.Database} transaction.
 */
final class TokenStore {
    private static final String COLUMNS = "id, name, kind, scopes, secret_hash, created_at, revoked_at, last_used_at";

    private TokenStore() {
    }

    static void insert(Connection c, TokenRecord token) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tokens (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)")) {
            insert.setString(1, token.id());
            insert.setString(2, token.name());
            insert.setString(3, token.kind());
            insert.setString(4, String.join(" ", token.scopes().asList()));
            insert.setString(5, HexFormat.of().formatHex(token.secretHash()));
            insert.setLong(6, token.createdAt().toEpochMilli());
            insert.executeUpdate();
        }
    }

    static Optional<TokenRecord> byId(Connection c, String id) throws SQLException {
        List<TokenRecord> found = select(c, "WHERE id = ?", id);
        return found.stream().findFirst();
    }

    static List<TokenRecord> activeByName(Connection c, String name) throws SQLException {
        return select(c, "WHERE name = ? AND revoked_at IS NULL ORDER BY created_at, rowid", name);
    }

    /** Whether an active token has this kind and name. */
    static boolean hasActive(Connection c, String kind, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM tokens WHERE kind = ? AND name = ? AND revoked_at IS NULL LIMIT 1")) {
            select.setString(1, kind);
            select.setString(2, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    static List<TokenRecord> all(Connection c) throws SQLException {
        return select(c, "ORDER BY created_at, rowid");
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM tokens");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    static void revoke(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** The ids of tokens revoked at or after {@code since}. */
    static List<String> revokedSince(Connection c, Instant since) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM tokens WHERE revoked_at >= ?")) {
            select.setLong(1, since.toEpochMilli());
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** Sets last_used_at to {@code at} unless it is already later than {@code notAfter}. */
    static void touch(Connection c, String id, Instant at, Instant notAfter) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE tokens SET last_used_at = ?"
                + " WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, id);
            update.setLong(3, notAfter.toEpochMilli());
            update.executeUpdate();
        }
    }

    private static List<TokenRecord> select(Connection c, String where, String... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM tokens " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<TokenRecord> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    private static TokenRecord read(ResultSet row) throws SQLException {
        String id = row.getString("id");
        String scopes = row.getString("scopes");
        Scopes parsed;
        try {
            parsed = scopes.isBlank() ? Scopes.none() : Scopes.parse(Arrays.asList(scopes.split(" ")));
        } catch (IllegalArgumentException e) {
            throw new StoreException("Token " + id + " has invalid scopes in the database: " + e.getMessage(), e);
        }
        return new TokenRecord(id, row.getString("name"), row.getString("kind"), parsed,
                HexFormat.of().parseHex(row.getString("secret_hash")), Instant.ofEpochMilli(row.getLong("created_at")),
                instant(row, "revoked_at"), instant(row, "last_used_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
