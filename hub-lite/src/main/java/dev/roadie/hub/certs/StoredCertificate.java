package dev.roadie.hub.certs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A certificate as the hub keeps it. Fields of the issued certificate are null until the first
 * issuance. The private key is held encrypted; {@link CertificateVault} decrypts it on demand.
 *
 * @param privateKey   the PKCS#8 PEM under the master key (AES-GCM), or null
 * @param failures     issuance attempts failed in a row
 * @param nextAttempt  when a failed issuance is tried again, or null
 */
public record StoredCertificate(String name, List<String> domains, String source, String serial, Instant notBefore,
        Instant notAfter, String fingerprint, Instant issuedAt, Instant renewAfter, String fullchainPem,
        byte[] privateKey, String lastError, int failures, Instant nextAttempt, boolean renewRequested) {

    /** {@code source} of a certificate the hub obtains by ACME. */
    public static final String ACME = "acme";
    /** {@code source} of a certificate given by an admin. */
    public static final String IMPORTED = "imported";

    public StoredCertificate {
        domains = List.copyOf(domains);
    }

    /** Whether it has been issued (or imported) at least once. */
    public boolean issued() {
        return serial != null && fullchainPem != null && privateKey != null;
    }

    /** Whether the hub renews it. */
    public boolean managed() {
        return ACME.equals(source);
    }

    /** The expiry, when issued. */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(notAfter);
    }

    @Override
    public String toString() {
        // Never the key, not even encrypted.
        return "StoredCertificate[name=" + name + ", serial=" + serial + ", source=" + source + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredCertificate that && name.equals(that.name)
                && java.util.Objects.equals(serial, that.serial);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, serial);
    }
}
