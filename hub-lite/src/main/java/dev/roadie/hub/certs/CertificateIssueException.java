package dev.roadie.hub.certs;

/** An issuance failed; the message is shown as the certificate's {@code lastError}, so it never holds a secret. */
public final class CertificateIssueException extends Exception {
    private static final long serialVersionUID = 1L;

    public CertificateIssueException(String message) {
        super(message);
    }

    public CertificateIssueException(String message, Throwable cause) {
        super(message, cause);
    }
}
