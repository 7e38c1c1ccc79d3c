package dev.roadie.hub.certs;

import java.util.List;

/**
 * The body of the certificate events on topic {@code registry}: {@code cert.renewed} when a
 * certificate is issued, renewed or imported, {@code cert.expiring} when a third of its lifetime
 * is left and it is not renewed yet. No key, no PEM: only what a dashboard shows.
 *
 * @param daysLeft whole days until {@code notAfter}
 */
public record CertificateEvent(String name, List<String> domains, String serial, String notAfter, long daysLeft,
        String lastError) {

    /** Subject of the event of a new certificate. */
    public static final String RENEWED = "cert.renewed";
    /** Subject of the event of a certificate close to expiry. */
    public static final String EXPIRING = "cert.expiring";
}
