package dev.roadie.model.certs;

import java.time.Instant;
import java.util.List;

/**
 * The body of the certificate events on topic {@code registry}:
 * {@link CertificateSubjects#RENEWED} when a certificate is issued, renewed or imported,
 * {@link CertificateSubjects#EXPIRING} when a third of its lifetime is left and it is not renewed
 * yet. No key, no PEM: only what a dashboard shows.
 *
 * @param notAfter  end of validity, written as ISO-8601 UTC
 * @param daysLeft  whole days until {@code notAfter}
 * @param lastError the hub's last problem renewing it, or null
 */
public record CertificateEvent(String name, List<String> domains, String serial, Instant notAfter, long daysLeft,
        String lastError) {
}
