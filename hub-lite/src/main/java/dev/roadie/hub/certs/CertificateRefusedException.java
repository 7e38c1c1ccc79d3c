package dev.roadie.hub.certs;

/** A certificate call refused for what it asked: a bad name, bad PEM, an unknown serial. Becomes a 400 or invalid-frame. */
public final class CertificateRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CertificateRefusedException(String message) {
        super(message);
    }

    public CertificateRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
