package dev.roadie.certs.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms that a service presents a given certificate: connects with TLS to {@code host:port}
 * (sending the host as SNI), reads the leaf certificate it presents and compares its serial.
 * It trusts whatever is presented on purpose: it compares serials, it does not authenticate the
 * service, and it sends nothing over the connection. A service that has not finished reloading
 * gets more tries, with growing pauses, until the deadline.
 */
public final class ServedCertificateCheck {
    /** How long the check keeps trying by default. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ServedCertificateCheck.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final int port;
    private final Duration deadline;

    private ServedCertificateCheck(String host, int port, Duration deadline) {
        this.host = host;
        this.port = port;
        this.deadline = deadline;
    }

    /**
     * A check of {@code https://HOST:PORT} (the port defaults to 443), trying for {@code deadline}.
     *
     * @throws IllegalArgumentException for another scheme or a URI without a host
     */
    public static ServedCertificateCheck of(URI target, Duration deadline) {
        Objects.requireNonNull(target, "target");
        if (!"https".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("the check target is https://HOST[:PORT], not " + target);
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the check deadline must be positive");
        }
        String host = target.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ServedCertificateCheck(host, target.getPort() < 0 ? 443 : target.getPort(), deadline);
    }

    /** A check of {@code target} trying for {@link #DEFAULT_DEADLINE}. */
    public static ServedCertificateCheck of(URI target) {
        return of(target, DEFAULT_DEADLINE);
    }

    /**
     * The serial (lower-case hex) of the leaf certificate the service presents now: one connection, no retry.
     *
     * @throws IOException when no TLS connection could be made
     */
    public String servedSerial() throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAnything()}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            plain.setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
                SSLParameters parameters = tls.getSSLParameters();
                if (isHostName(host)) {
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                }
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                Certificate[] presented = tls.getSession().getPeerCertificates();
                if (presented.length == 0 || !(presented[0] instanceof X509Certificate leaf)) {
                    throw new IOException(host + ":" + port + " presented no X.509 certificate");
                }
                return Pem.serial(leaf);
            }
        }
    }

    /**
     * Waits until the service presents the certificate with serial {@code expected}.
     *
     * @throws DeploymentException (stage {@link DeploymentStage#CHECK}) when it still presents another
     *                             one, or cannot be reached, at the deadline; the message says what was seen
     */
    public void await(String expected) {
        long end = System.nanoTime() + deadline.toNanos();
        Duration pause = FIRST_PAUSE;
        String lastSeen;
        while (true) {
            try {
                String served = servedSerial();
                if (Pem.sameSerial(served, expected)) {
                    LOG.info("{}:{} serves certificate serial {}", host, port, served);
                    return;
                }
                lastSeen = "it still serves serial " + served;
            } catch (IOException e) {
                lastSeen = "no TLS connection: " + e.getMessage();
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new DeploymentException(DeploymentStage.CHECK, "https://" + host + ":" + port
                        + " does not serve serial " + expected + " after " + deadline.toMillis() + " ms: " + lastSeen);
            }
            LOG.debug("{}:{} does not serve serial {} yet: {}", host, port, expected, lastSeen);
            try {
                // Giving a reloading service time: nothing to wait on but the service itself.
                Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeploymentException(DeploymentStage.CHECK, "interrupted while checking " + this, e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static boolean isHostName(String host) {
        // SNI carries names only, never an address literal (RFC 6066).
        return !host.contains(":") && !host.matches("[0-9.]+");
    }

    @Override
    public String toString() {
        return "https://" + host + ":" + port;
    }

    /** Trusts every certificate: the check compares serials, it never authenticates. */
    private static final class AcceptAnything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Never a server here.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Accepted: only the serial is read.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // Never a server here.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // Accepted: only the serial is read.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // Never a server here.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // Accepted: only the serial is read.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
