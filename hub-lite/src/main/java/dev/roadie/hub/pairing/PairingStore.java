package dev.roadie.hub.pairing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL of the {@code pairings} table. Every method takes the connection, so that callers
 * compose them inside one {@link dev.roadie.hub.store.Database} transaction.
 */
final class PairingStore {
    private static final String COLUMNS = "id, flow, kind, device_name, platform, address, state, scopes, created_at,"
            + " expires_at, last_poll_at, decided_by, token_id, redeemed_at";

    private PairingStore() {
    }

    static void insert(Connection c, Pairing pairing, String deviceCodeHash, String userCodeHash)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO pairings (" + COLUMNS
                + ", device_code_hash, user_code_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, ?, ?)")) {
            insert.setString(1, pairing.id());
            insert.setString(2, pairing.flow().wire());
            insert.setString(3, pairing.kind());
            insert.setString(4, pairing.deviceName());
            insert.setString(5, pairing.platform());
            insert.setString(6, pairing.address());
            insert.setString(7, pairing.state().wire());
            insert.setString(8, String.join(" ", pairing.scopes()));
            insert.setLong(9, pairing.createdAt().toEpochMilli());
            insert.setLong(10, pairing.expiresAt().toEpochMilli());
            insert.setString(11, pairing.decidedBy());
            insert.setString(12, deviceCodeHash);
            insert.setString(13, userCodeHash);
            insert.executeUpdate();
        }
    }

    /** Whether a live pairing holds this user code already (then a new code is drawn). */
    static boolean userCodeTaken(Connection c, String userCodeHash) throws SQLException {
        return !select(c, "WHERE user_code_hash = ?", userCodeHash).isEmpty();
    }

    static Optional<Pairing> byDeviceCode(Connection c, String deviceCodeHash) throws SQLException {
        return select(c, "WHERE device_code_hash = ?", deviceCodeHash).stream().findFirst();
    }

    static Optional<Pairing> byUserCode(Connection c, String userCodeHash) throws SQLException {
        return select(c, "WHERE user_code_hash = ?", userCodeHash).stream().findFirst();
    }

    static Optional<Pairing> byId(Connection c, String id) throws SQLException {
        return select(c, "WHERE id = ?", id).stream().findFirst();
    }

    static Optional<Pairing> byToken(Connection c, String tokenId) throws SQLException {
        return select(c, "WHERE token_id = ?", tokenId).stream().findFirst();
    }

    /** Requests waiting for the owner, oldest first. */
    static List<Pairing> pending(Connection c, Instant now) throws SQLException {
        return select(c, "WHERE state = 'pending' AND expires_at > ? ORDER BY created_at, rowid",
                Long.toString(now.toEpochMilli()));
    }

    /** Pairings that gave a token, oldest first. */
    static List<Pairing> redeemed(Connection c) throws SQLException {
        return select(c, "WHERE state = 'redeemed' ORDER BY redeemed_at, rowid");
    }

    static void decide(Connection c, String id, Pairing.State state, List<String> scopes, String decidedBy)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE pairings SET state = ?, scopes = ?, decided_by = ? WHERE id = ?")) {
            update.setString(1, state.wire());
            update.setString(2, String.join(" ", scopes));
            update.setString(3, decidedBy);
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    static void polled(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE pairings SET last_poll_at = ? WHERE id = ?")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** Marks it redeemed and forgets its codes, so that neither can be used again. */
    static void redeemed(Connection c, String id, String tokenId, String deviceName, String platform, String address,
            Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE pairings SET state = 'redeemed', token_id = ?,"
                + " device_name = ?, platform = ?, address = ?, redeemed_at = ?, device_code_hash = NULL,"
                + " user_code_hash = NULL WHERE id = ?")) {
            update.setString(1, tokenId);
            update.setString(2, deviceName);
            update.setString(3, platform);
            update.setString(4, address);
            update.setLong(5, at.toEpochMilli());
            update.setString(6, id);
            update.executeUpdate();
        }
    }

    /** Every pairing with its code hashes, to share with the other hubs of a cluster. */
    static List<SharedPairing> shared(Connection c, String where, String... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + ", device_code_hash, user_code_hash FROM pairings " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<SharedPairing> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Pairing p = read(rows);
                    found.add(new SharedPairing(p.id(), p.flow().wire(), p.kind(), p.deviceName(), p.platform(),
                            p.address(), p.state().wire(), p.scopes(), p.createdAt().toEpochMilli(),
                            p.expiresAt().toEpochMilli(), millis(p.lastPollAt()), p.decidedBy(), p.tokenId(),
                            millis(p.redeemedAt()), rows.getString("device_code_hash"),
                            rows.getString("user_code_hash")));
                }
            }
            return found;
        }
    }

    /** Writes another hub's copy over this hub's (or in, when this hub has none). */
    static void replace(Connection c, SharedPairing p) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM pairings WHERE id = ?")) {
            delete.setString(1, p.id());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO pairings (" + COLUMNS
                + ", device_code_hash, user_code_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, p.id());
            insert.setString(2, p.flow());
            insert.setString(3, p.kind());
            insert.setString(4, p.deviceName());
            insert.setString(5, p.platform());
            insert.setString(6, p.address());
            insert.setString(7, p.state());
            insert.setString(8, String.join(" ", p.scopes()));
            insert.setLong(9, p.createdAt());
            insert.setLong(10, p.expiresAt());
            insert.setObject(11, p.lastPollAt());
            insert.setString(12, p.decidedBy());
            insert.setString(13, p.tokenId());
            insert.setObject(14, p.redeemedAt());
            insert.setString(15, p.deviceCodeHash());
            insert.setString(16, p.userCodeHash());
            insert.executeUpdate();
        }
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    /** Drops pairings that never gave a token and expired before {@code before}. */
    static int dropExpired(Connection c, Instant before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM pairings WHERE state != 'redeemed' AND expires_at < ?")) {
            delete.setLong(1, before.toEpochMilli());
            return delete.executeUpdate();
        }
    }

    private static List<Pairing> select(Connection c, String where, String... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM pairings " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<Pairing> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    private static Pairing read(ResultSet row) throws SQLException {
        String scopes = row.getString("scopes");
        return new Pairing(row.getString("id"),
                Pairing.Flow.valueOf(row.getString("flow").toUpperCase(Locale.ROOT)), row.getString("kind"),
                row.getString("device_name"), row.getString("platform"), row.getString("address"),
                Pairing.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                scopes == null || scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" ")),
                instant(row, "created_at"), instant(row, "expires_at"), instant(row, "last_poll_at"),
                row.getString("decided_by"), row.getString("token_id"), instant(row, "redeemed_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
