package dev.roadie.certs.deploy.testing;

import dev.roadie.model.certs.CertificateBundle;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificates for tests: a throw-away authority that issues EC P-256 leaves, each with a fresh
 * random serial, as PEM texts in the formats the hub hands out (PKCS#8 key, leaf-first chain).
 * The certificates themselves come from the hub's test helper of the same name.
 */
public final class TestCertificates {
    private static final Duration LEAF_VALIDITY = Duration.ofDays(90);

    /** The authority as the hub's helper makes it (certificate and keys). */
    private final dev.roadie.hub.testing.TestCertificates.Issued authority;

    private TestCertificates(dev.roadie.hub.testing.TestCertificates.Issued authority) {
        this.authority = authority;
    }

    /** A new authority ("Roadie Test CA"). */
    public static TestCertificates authority() {
        return new TestCertificates(dev.roadie.hub.testing.TestCertificates.ca("Roadie Test CA"));
    }

    /** A leaf for {@code domains}, signed by this authority. */
    public Issued issue(String... domains) {
        var leaf = dev.roadie.hub.testing.TestCertificates.leaf(authority, List.of(domains), LEAF_VALIDITY);
        return new Issued(leaf.certificate(), authority.certificate(),
                pem("PRIVATE KEY", leaf.keys().getPrivate().getEncoded()), List.of(domains));
    }

    /** A leaf certificate with its key and chain. */
    public record Issued(X509Certificate leaf, X509Certificate authority, String privkeyPem, List<String> domains) {

        /** The serial as the hub writes it: lower-case hex of the number, without leading zeros. */
        public String serial() {
            return leaf.getSerialNumber().toString(16);
        }

        /** The leaf, then the authority standing in for an intermediate. */
        public String fullchainPem() {
            try {
                return pem("CERTIFICATE", leaf.getEncoded()) + pem("CERTIFICATE", authority.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The bundle the hub would push for it. */
        public CertificateBundle bundle(String name) {
            return new CertificateBundle(name, domains, serial(), leaf.getNotBefore().toInstant(),
                    leaf.getNotAfter().toInstant(), "sha256:00", "imported", Instant.now(), null, null,
                    fullchainPem(), privkeyPem);
        }

        /** The leaf and the authority, for a key store. */
        public X509Certificate[] chain() {
            return new X509Certificate[] {leaf, authority};
        }
    }

    /** Reads PEM certificates back with the JDK. */
    public static List<X509Certificate> parse(String pem) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (var certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
