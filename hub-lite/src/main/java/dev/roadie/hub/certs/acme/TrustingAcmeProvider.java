package dev.roadie.hub.certs.acme;

import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.connector.HttpConnector;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * An ACME provider for {@code https://} directories whose TLS certificate is signed by a CA the
 * JDK does not trust (a private CA, Pebble): acme4j's HTTP client gets an SSL context that
 * trusts the extra CAs of {@code certs.trustedCa} besides the usual ones.
 */
final class TrustingAcmeProvider extends GenericAcmeProvider {
    private final SSLContext trust;

    TrustingAcmeProvider(SSLContext trust) {
        this.trust = trust;
    }

    @Override
    protected HttpConnector createHttpConnector(NetworkSettings settings) {
        return new HttpConnector(settings) {
            @Override
            public HttpClient.Builder createClientBuilder() {
                return super.createClientBuilder().sslContext(trust);
            }
        };
    }
}
