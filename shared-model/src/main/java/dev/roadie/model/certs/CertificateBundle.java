package dev.roadie.model.certs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The body of a {@code cert.issued} message on topic {@code cert:NAME}: a certificate's metadata
 * with its full chain and its private key. The hub sends it only to subscribers whose token names
 * the certificate; {@code roadie certs pull} assembles the same from the REST downloads.
 * Times go on the wire as ISO-8601 UTC in whole seconds ({@code 2027-02-19T08:00:00Z}), as the
 * hub truncates them. {@link #toString()} leaves the key out, so that a bundle can be logged.
 *
 * @param name         the certificate's name ({@link CertificateNames#isValid})
 * @param domains      the DNS names it covers
 * @param serial       the leaf's serial number, lower-case hex without leading zeros
 * @param notBefore    start of validity
 * @param notAfter     end of validity
 * @param fingerprint  {@code sha256:AB:CD:...} of the leaf
 * @param source       {@code acme} or {@code imported}
 * @param issuedAt     when the hub stored this serial
 * @param renewAfter   when the hub will renew it; null for imported certificates
 * @param lastError    the hub's last problem renewing it, or null (always written)
 * @param fullchainPem the leaf first, then the intermediates, PEM
 * @param privkeyPem   the private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----})
 */
public record CertificateBundle(String name, List<String> domains, String serial, Instant notBefore,
        Instant notAfter, String fingerprint, String source, Instant issuedAt, Instant renewAfter,
        @JsonInclude(JsonInclude.Include.ALWAYS) String lastError, String fullchainPem, String privkeyPem) {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,128}");

    public CertificateBundle {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /**
     * Reads a {@code cert.issued} body.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static CertificateBundle fromBody(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("a " + CertificateSubjects.ISSUED + " body is a JSON object");
        }
        try {
            return FrameCodec.DEFAULT.fromTree(body, CertificateBundle.class).validated();
        } catch (FrameException e) {
            // The codec speaks for the socket's error frames; a reader of bundles promised an argument error.
            throw new IllegalArgumentException(CertificateSubjects.ISSUED + " " + e.getMessage(), e);
        }
    }

    /**
     * Checks the fields a client needs: the name, a hex serial and both PEM texts.
     *
     * @return this bundle
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public CertificateBundle validated() {
        CertificateNames.requireValid(name);
        if (serial == null || !HEX.matcher(serial).matches()) {
            throw new IllegalArgumentException("field 'serial' of certificate " + name + " must be hex, got '"
                    + serial + "'");
        }
        if (fullchainPem == null || !fullchainPem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("field 'fullchainPem' of certificate " + name
                    + " holds no PEM certificate");
        }
        if (privkeyPem == null || privkeyPem.isBlank()) {
            throw new IllegalArgumentException("field 'privkeyPem' of certificate " + name + " is missing");
        }
        return this;
    }

    /** The serial as a number, so that {@code 0a1b} and {@code a1b} compare equal. */
    public BigInteger serialNumber() {
        return new BigInteger(Objects.requireNonNull(serial, "serial"), 16);
    }

    @Override
    public String toString() {
        // Never the key: bundles end up in logs.
        return "CertificateBundle[name=" + name + ", domains=" + domains + ", serial=" + serial + ", notAfter="
                + notAfter + ", source=" + source + "]";
    }
}
