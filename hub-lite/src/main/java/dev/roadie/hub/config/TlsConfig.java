package dev.roadie.hub.config;

import dev.roadie.model.wire.Names;
import java.util.Optional;

/**
 * The hub's own https:// and wss:// listener, beside the plain port.
 *
 * @param certificate the name of one of the hub's managed certificates to serve, or none for no TLS listener
 * @param port        the TLS port; 0 picks any free port
 */
public record TlsConfig(String certificate, int port) {
    public TlsConfig {
        if (!"none".equals(Require.requireSet("tls.certificate", certificate)) && !Names.isName(certificate)) {
            throw ConfigException.invalid("tls.certificate", "expected a certificate name (a-z, 0-9, '.', '_', '-')"
                    + " or none", certificate);
        }
        Require.port("tls.port", port);
    }

    /** The certificate to serve, when TLS is on. */
    public Optional<String> certificateName() {
        return "none".equals(certificate) ? Optional.empty() : Optional.of(certificate);
    }
}
