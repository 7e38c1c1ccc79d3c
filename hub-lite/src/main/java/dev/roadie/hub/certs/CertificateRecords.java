package dev.roadie.hub.certs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the certificates are kept: the hub's database on its own, the cluster's Redis in cluster
 * mode (docs/CLUSTER.md, "Certificates and secrets"). Private keys arrive here already encrypted
 * under the {@link MasterKey} and are kept so; nothing here decrypts.
 */
public interface CertificateRecords {
    /** The certificates of a hub on its own, in its database ({@code roadie cluster migrate} reads them). */
    static CertificateRecords in(dev.roadie.hub.store.Database db) {
        return new CertificateStore(db);
    }

    /** Every certificate, by name. */
    List<StoredCertificate> all();

    Optional<StoredCertificate> find(String name);

    /** Declares a certificate to obtain, with a renewal asked for; false if the name is taken. */
    boolean declare(String name, List<String> domains, Instant now);

    /** Stores a newly issued or imported certificate, replacing what the name had, and remembers its serial. */
    void saveIssued(StoredCertificate cert, Instant now);

    /** Records a failed issuance: why, how many in a row, and when to try again; clears a renewal asked for. */
    void saveFailure(String name, String error, int failures, Instant nextAttempt);

    /** Asks for a renewal at the next check, whatever the backoff says; false when there is no such certificate. */
    boolean requestRenewal(String name);

    boolean delete(String name);

    /** Whether {@code serial} was ever issued (or imported) for {@code name}. */
    boolean issuedSerial(String name, String serial);

    void saveInstallation(String name, String service, String serial, Instant at);

    /** Who serves which serial of {@code name}: (service, serial, installed at ISO-8601), by service. */
    List<String[]> installations(String name);

    /** The ACME account key pair of a directory, encrypted, if there is one. */
    Optional<byte[]> accountKey(String directory);

    void saveAccountKey(String directory, byte[] sealed, Instant now);
}
