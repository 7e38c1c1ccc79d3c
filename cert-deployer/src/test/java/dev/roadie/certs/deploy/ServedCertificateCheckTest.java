package dev.roadie.certs.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.certs.deploy.testing.TestCertificates;
import dev.roadie.certs.deploy.testing.TlsServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServedCertificateCheckTest {
    static final TestCertificates CA = TestCertificates.authority();

    @Test
    void reads_the_serial_of_the_presented_leaf_without_trusting_its_issuer() throws Exception {
        TestCertificates.Issued issued = CA.issue("localhost");
        try (TlsServer server = TlsServer.serving(() -> issued)) {
            String served = ServedCertificateCheck.of(server.uri()).servedSerial();

            assertThat(served).isEqualTo(issued.leaf().getSerialNumber().toString(16));
        }
    }

    @Test
    void waits_until_the_new_serial_is_served() throws Exception {
        TestCertificates.Issued old = CA.issue("localhost");
        TestCertificates.Issued renewed = CA.issue("localhost");
        AtomicInteger asked = new AtomicInteger();
        // The service "finishes reloading" after two handshakes with the old certificate.
        try (TlsServer server = TlsServer.serving(() -> asked.incrementAndGet() <= 2 ? old : renewed)) {
            ServedCertificateCheck.of(server.uri(), Duration.ofSeconds(30)).await(renewed.serial());

            assertThat(asked.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void fails_at_the_deadline_saying_which_serial_is_still_served() {
        TestCertificates.Issued old = CA.issue("localhost");
        try (TlsServer server = TlsServer.serving(() -> old)) {
            ServedCertificateCheck check = ServedCertificateCheck.of(server.uri(), Duration.ofMillis(700));

            assertThatThrownBy(() -> check.await("abcdef")).isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("does not serve serial abcdef")
                    .hasMessageContaining("still serves serial " + old.leaf().getSerialNumber().toString(16));
        }
    }

    @Test
    void fails_at_the_deadline_when_nothing_listens() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServedCertificateCheck check = ServedCertificateCheck.of(URI.create("https://127.0.0.1:" + port),
                Duration.ofMillis(500));

        assertThatThrownBy(() -> check.await("ab")).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("no TLS connection");
    }

    @Test
    void only_https_targets_are_accepted_and_the_port_defaults_to_443() {
        assertThatThrownBy(() -> ServedCertificateCheck.of(URI.create("http://localhost:80")))
                .hasMessageContaining("https://HOST[:PORT]");
        assertThat(ServedCertificateCheck.of(URI.create("https://example.org")).toString())
                .isEqualTo("https://example.org:443");
    }
}
