package dev.roadie.hub.tls;

import dev.roadie.hub.certs.CertificateVault;
import dev.roadie.hub.certs.Pem;
import dev.roadie.hub.certs.StoredCertificate;
import io.javalin.config.JavalinConfig;
import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's https:// and wss:// listener, serving one of its own certificates. When that
 * certificate is renewed the new one is swapped into the running SSL context: open connections
 * keep their session, new handshakes get the new certificate. Until it is first issued a
 * self-signed placeholder is served.
 */
public final class HubTls {
    private static final Logger log = LoggerFactory.getLogger(HubTls.class);

    private final String certificate;
    private final String host;
    private final int port;
    private final CertificateVault vault;
    private final SslContextFactory.Server ssl = new SslContextFactory.Server();
    private volatile ServerConnector connector;
    private volatile String servedSerial;

    public HubTls(String certificate, String host, int port, CertificateVault vault) {
        this.certificate = certificate;
        this.host = host;
        this.port = port;
        this.vault = vault;
        Served first = current().orElseGet(() -> {
            log.warn("TLS: certificate {} is not issued yet; serving a self-signed placeholder until it is",
                    certificate);
            return Placeholder.create();
        });
        ssl.setKeyStore(first.keyStore());
        ssl.setKeyStorePassword(Served.PASSWORD);
        ssl.setKeyManagerPassword(Served.PASSWORD);
        ssl.setCertAlias(Served.ALIAS);
        // Clients may reach the hub by an address its certificate does not name (a LAN IP).
        ssl.setSniRequired(false);
        servedSerial = first.serial();
    }

    /** Adds the TLS connector to the server Javalin builds. */
    public void configure(JavalinConfig javalin) {
        javalin.jetty.addConnector((server, http) -> {
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // The Host header need not match the certificate: names and addresses vary behind NAT.
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            ServerConnector tls = new ServerConnector(server,
                    new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
            tls.setHost(host);
            tls.setPort(port);
            connector = tls;
            return tls;
        });
    }

    /** Swaps in {@code cert} if it is the one served. Runs on the thread that stored it. */
    public void issued(StoredCertificate cert) {
        if (!cert.name().equals(certificate)) {
            return;
        }
        current().ifPresent(served -> {
            try {
                ssl.reload(factory -> factory.setKeyStore(served.keyStore()));
                servedSerial = served.serial();
                log.info("TLS: now serving certificate {} serial {}; open connections keep theirs", certificate,
                        served.serial());
            } catch (Exception e) {
                log.error("TLS: certificate {} serial {} could not be swapped in; the previous one is still served",
                        certificate, served.serial(), e);
            }
        });
    }

    /** The port it listens on, once started. */
    public int port() {
        ServerConnector tls = connector;
        return tls == null ? -1 : tls.getLocalPort();
    }

    /** The serial served now; null for the placeholder. */
    public String servedSerial() {
        return servedSerial;
    }

    private Optional<Served> current() {
        return vault.find(certificate).filter(StoredCertificate::issued).map(cert -> new Served(
                Pem.parsePrivateKey(vault.privateKeyPem(cert)), Pem.parseChain(cert.fullchainPem()), cert.serial()));
    }
}
