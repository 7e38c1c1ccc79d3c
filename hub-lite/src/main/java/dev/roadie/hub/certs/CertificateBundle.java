package dev.roadie.hub.certs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of a {@code cert.issued} message: the certificate's metadata with its full chain and
 * its private key (PKCS#8 PEM). Sent only to subscribers whose token names the certificate.
 */
public record CertificateBundle(String name, List<String> domains, String serial, String notBefore, String notAfter,
        String fingerprint, String source, String issuedAt, String renewAfter, @JsonInclude(JsonInclude.Include.ALWAYS) String lastError, String fullchainPem,
        String privkeyPem) {

    /** The message subject of a bundle. */
    public static final String SUBJECT = "cert.issued";

    @Override
    public String toString() {
        // The key must never reach a log line.
        return "CertificateBundle[name=" + name + ", serial=" + serial + "]";
    }
}
