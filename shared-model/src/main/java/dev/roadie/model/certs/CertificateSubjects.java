package dev.roadie.model.certs;

/**
 * The message subjects of the certificate protocol (PROTOCOL.md, section 16), declared once for
 * the hub and its clients.
 */
public final class CertificateSubjects {
    /** The hub's push of a {@link CertificateBundle} on topic {@code cert:NAME}. */
    public static final String ISSUED = "cert.issued";

    /**
     * A client's report to topic {@code cert:NAME} that it serves a serial, body
     * {@link InstallationReport}; the only subject a client may send to that topic.
     */
    public static final String INSTALLED = "cert.installed";

    /** The {@link CertificateEvent} on topic {@code registry} when a certificate is issued, renewed or imported. */
    public static final String RENEWED = "cert.renewed";

    /** The {@link CertificateEvent} on topic {@code registry} when a certificate is close to expiry. */
    public static final String EXPIRING = "cert.expiring";

    private CertificateSubjects() {
    }
}
