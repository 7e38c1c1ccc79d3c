package dev.roadie.hub.certs.acme;

import dev.roadie.hub.certs.CertificateIssuer;
import dev.roadie.hub.certs.CertificateVault;
import dev.roadie.hub.certs.dns.DigitalOceanDns;
import dev.roadie.hub.certs.dns.DnsProvider;
import dev.roadie.hub.certs.dns.ExecDns;
import dev.roadie.hub.config.CertsConfig;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Builds the certificate issuer the settings describe: ACME with the configured DNS provider, or none. */
public final class Issuers {
    private Issuers() {
    }

    /**
     * The issuer, or empty when {@code certs.dnsProvider} is none.
     *
     * @throws IllegalStateException when the settings cannot work together, saying what to change
     */
    public static Optional<CertificateIssuer> forConfig(CertsConfig config, CertificateVault vault) {
        DnsProvider dns = switch (config.dnsProvider()) {
            case "digitalocean" -> new DigitalOceanDns(config.digitalocean().apiUrl(),
                    config.digitalocean().apiToken().orElseThrow(() -> new IllegalStateException(
                            "certs.dnsProvider is digitalocean but certs.digitalocean.token is not set; give it in"
                                    + " ROADIE_CERTS_DIGITALOCEAN_TOKEN")));
            case "exec" -> new ExecDns(config.exec().script().orElseThrow(() -> new IllegalStateException(
                    "certs.dnsProvider is exec but certs.exec.command is not set")), config.exec().timeout());
            default -> null;
        };
        if (dns == null) {
            return Optional.empty();
        }
        Optional<SSLContext> trust = config.trustedCaFile().map(file -> {
            if (!config.directoryUri().getScheme().equals("https")) {
                throw new IllegalStateException("certs.trustedCa needs an https:// certs.directory, not "
                        + config.directory());
            }
            return TrustedCas.withExtra(file);
        });
        return Optional.of(new AcmeIssuer(config, dns, vault, trust));
    }
}
