package dev.roadie.hub.certs;

import dev.roadie.hub.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The certificate tables of the database: certificates, the serials issued for each, and who installed which. */
final class CertificateStore implements CertificateRecords {
    private static final String COLUMNS = "name, domains, source, serial, not_before, not_after, fingerprint, issued_at,"
            + " renew_after, fullchain_pem, private_key, last_error, failures, next_attempt_at, renew_requested";

    private final Database db;

    CertificateStore(Database db) {
        this.db = db;
    }

    @Override
    public List<StoredCertificate> all() {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM certificates ORDER BY name");
                    ResultSet rows = select.executeQuery()) {
                List<StoredCertificate> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(read(rows));
                }
                return all;
            }
        });
    }

    @Override
    public Optional<StoredCertificate> find(String name) {
        return db.read(c -> find(c, name));
    }

    private static Optional<StoredCertificate> find(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM certificates WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Declares a certificate the hub is to obtain; returns false if the name is taken. */
    @Override
    public boolean declare(String name, List<String> domains, Instant now) {
        return db.writeAndGet(c -> {
            if (find(c, name).isPresent()) {
                return false;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO certificates (name, domains, source,"
                    + " created_at, renew_requested) VALUES (?, ?, ?, ?, 1)")) {
                insert.setString(1, name);
                insert.setString(2, String.join(",", domains));
                insert.setString(3, StoredCertificate.ACME);
                insert.setLong(4, now.toEpochMilli());
                insert.executeUpdate();
            }
            return true;
        });
    }

    /** Stores a newly issued or imported certificate, replacing what the name had, and remembers its serial. */
    @Override
    public void saveIssued(StoredCertificate cert, Instant now) {
        db.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO certificates (" + COLUMNS + ", created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL, 0, ?) ON CONFLICT (name) DO UPDATE SET"
                    + " domains = excluded.domains, source = excluded.source, serial = excluded.serial,"
                    + " not_before = excluded.not_before, not_after = excluded.not_after,"
                    + " fingerprint = excluded.fingerprint, issued_at = excluded.issued_at,"
                    + " renew_after = excluded.renew_after, fullchain_pem = excluded.fullchain_pem,"
                    + " private_key = excluded.private_key, last_error = NULL, failures = 0, next_attempt_at = NULL,"
                    + " renew_requested = 0")) {
                upsert.setString(1, cert.name());
                upsert.setString(2, String.join(",", cert.domains()));
                upsert.setString(3, cert.source());
                upsert.setString(4, cert.serial());
                setTime(upsert, 5, cert.notBefore());
                setTime(upsert, 6, cert.notAfter());
                upsert.setString(7, cert.fingerprint());
                setTime(upsert, 8, cert.issuedAt());
                setTime(upsert, 9, cert.renewAfter());
                upsert.setString(10, cert.fullchainPem());
                upsert.setBytes(11, cert.privateKey());
                upsert.setLong(12, now.toEpochMilli());
                upsert.executeUpdate();
            }
            try (PreparedStatement serial = c.prepareStatement("INSERT OR IGNORE INTO certificate_serials (name, serial,"
                    + " issued_at) VALUES (?, ?, ?)")) {
                serial.setString(1, cert.name());
                serial.setString(2, cert.serial());
                serial.setLong(3, now.toEpochMilli());
                serial.executeUpdate();
            }
        });
    }

    /** Records a failed issuance: why, how many in a row, and when to try again. */
    @Override
    public void saveFailure(String name, String error, int failures, Instant nextAttempt) {
        db.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE certificates SET last_error = ?, failures = ?,"
                    + " next_attempt_at = ?, renew_requested = 0 WHERE name = ?")) {
                update.setString(1, error);
                update.setInt(2, failures);
                update.setLong(3, nextAttempt.toEpochMilli());
                update.setString(4, name);
                update.executeUpdate();
            }
        });
    }

    /** Asks for a renewal at the next check, whatever the backoff says. */
    @Override
    public boolean requestRenewal(String name) {
        return db.writeAndGet(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE certificates SET renew_requested = 1 WHERE name = ?")) {
                update.setString(1, name);
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(String name) {
        return db.writeAndGet(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM certificates WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** Whether the hub ever issued (or imported) {@code serial} for {@code name}. */
    @Override
    public boolean issuedSerial(String name, String serial) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT 1 FROM certificate_serials WHERE name = ? AND serial = ?")) {
                select.setString(1, name);
                select.setString(2, serial);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public void saveInstallation(String name, String service, String serial, Instant at) {
        db.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO certificate_installations (name, service,"
                    + " serial, installed_at) VALUES (?, ?, ?, ?) ON CONFLICT (name, service) DO UPDATE SET"
                    + " serial = excluded.serial, installed_at = excluded.installed_at")) {
                upsert.setString(1, name);
                upsert.setString(2, service);
                upsert.setString(3, serial);
                upsert.setLong(4, at.toEpochMilli());
                upsert.executeUpdate();
            }
        });
    }

    /** Who serves which serial of {@code name}: (service, serial, installed at). */
    @Override
    public List<String[]> installations(String name) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT service, serial, installed_at FROM"
                    + " certificate_installations WHERE name = ? ORDER BY service")) {
                select.setString(1, name);
                List<String[]> all = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        all.add(new String[] {rows.getString(1), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3)).toString()});
                    }
                }
                return all;
            }
        });
    }

    @Override
    public Optional<byte[]> accountKey(String directory) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT key_pair FROM acme_accounts WHERE directory = ?")) {
                select.setString(1, directory);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveAccountKey(String directory, byte[] sealed, Instant now) {
        db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT OR REPLACE INTO acme_accounts (directory, key_pair,"
                    + " created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, directory);
                insert.setBytes(2, sealed);
                insert.setLong(3, now.toEpochMilli());
                insert.executeUpdate();
            }
        });
    }

    private static StoredCertificate read(ResultSet row) throws SQLException {
        String domains = row.getString("domains");
        return new StoredCertificate(row.getString("name"),
                domains.isEmpty() ? List.of() : Arrays.asList(domains.split(",")), row.getString("source"),
                row.getString("serial"), time(row, "not_before"), time(row, "not_after"), row.getString("fingerprint"),
                time(row, "issued_at"), time(row, "renew_after"), row.getString("fullchain_pem"),
                row.getBytes("private_key"), row.getString("last_error"), row.getInt("failures"),
                time(row, "next_attempt_at"), row.getInt("renew_requested") != 0);
    }

    private static Instant time(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, time.toEpochMilli());
        }
    }
}
