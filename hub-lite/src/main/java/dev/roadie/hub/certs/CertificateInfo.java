package dev.roadie.hub.certs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the API tells about a certificate: everything but its key and PEM. Before the first
 * issuance {@code serial}, {@code notBefore}, {@code notAfter}, {@code fingerprint} and
 * {@code issuedAt} are absent. Times are ISO-8601 UTC.
 *
 * @param serial      lower-case hex without separators
 * @param fingerprint SHA-256 of the leaf, {@code sha256:AB:CD:...}
 * @param source      {@code acme} or {@code imported}
 * @param lastError   why the last issuance failed, or null
 */
public record CertificateInfo(String name, List<String> domains,
        @JsonInclude(JsonInclude.Include.NON_NULL) String serial,
        @JsonInclude(JsonInclude.Include.NON_NULL) String notBefore,
        @JsonInclude(JsonInclude.Include.NON_NULL) String notAfter,
        @JsonInclude(JsonInclude.Include.NON_NULL) String fingerprint,
        String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) String issuedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String renewAfter,
        @JsonInclude(JsonInclude.Include.ALWAYS) String lastError,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Installation> installations) {
}
