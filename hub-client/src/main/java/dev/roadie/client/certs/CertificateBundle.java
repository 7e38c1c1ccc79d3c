package dev.roadie.client.certs;

import dev.roadie.model.wire.FrameCodec;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A certificate with its private key, as the hub pushes it in a {@code cert.issued} message on
 * topic {@code cert:NAME} (and as {@code roadie certs pull} assembles it from the REST downloads).
 * {@link #toString()} leaves the key out, so that a bundle can be logged.
 *
 * @param name         the certificate's name ({@code [a-z0-9][a-z0-9._-]*}, 1-64 characters)
 * @param domains      the DNS names it covers
 * @param serial       the leaf's serial number, lower-case hex
 * @param notBefore    start of validity
 * @param notAfter     end of validity
 * @param fingerprint  {@code sha256:AB:CD:...} of the leaf
 * @param source       {@code acme} or {@code imported}
 * @param issuedAt     when the hub obtained it
 * @param renewAfter   when the hub will renew it
 * @param lastError    the hub's last problem renewing it, or null
 * @param fullchainPem the leaf first, then the intermediates, PEM
 * @param privkeyPem   the private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----})
 */
public record CertificateBundle(String name, List<String> domains, String serial, Instant notBefore,
        Instant notAfter, String fingerprint, String source, Instant issuedAt, Instant renewAfter, String lastError,
        String fullchainPem, String privkeyPem) {

    /** The subject of the hub's push on topic {@code cert:NAME}. */
    public static final String ISSUED_SUBJECT = "cert.issued";

    /** The subject of the report a client sends to topic {@code cert:NAME} once it serves a certificate. */
    public static final String INSTALLED_SUBJECT = "cert.installed";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,128}");

    public CertificateBundle {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /** Whether {@code name} is a valid certificate name. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Checks a certificate name.
     *
     * @throws IllegalArgumentException naming the rule when it is not one
     */
    public static String requireValidName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("certificate names are 1-64 characters of a-z, 0-9, '.', '_' and '-',"
                    + " starting with a letter or digit; '" + name + "' is not one");
        }
        return name;
    }

    /** The topic the hub pushes certificate {@code name} on: {@code cert:NAME}. */
    public static String topic(String name) {
        return "cert:" + requireValidName(name);
    }

    /**
     * Reads a {@code cert.issued} body.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static CertificateBundle fromBody(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("a cert.issued body is a JSON object");
        }
        return FrameCodec.DEFAULT.fromTree(body, CertificateBundle.class).validated();
    }

    /**
     * Checks the fields a client needs: the name, a hex serial and both PEM texts.
     *
     * @return this bundle
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public CertificateBundle validated() {
        requireValidName(name);
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
