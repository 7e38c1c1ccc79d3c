package dev.roadie.hub.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.hub.HubStartException;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.TestCertificates;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.model.wire.FrameCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Certificate settings that cannot work are refused at start; the master key is made only when needed. */
class CertificateSettingsTest {
    @TempDir
    Path temp;

    @Test
    void digitalocean_without_a_token_stops_the_start_with_what_to_set() {
        assertThatThrownBy(() -> TestHub.start(temp.resolve("data"), Map.of("certs.dnsProvider", "digitalocean")))
                .isInstanceOf(HubStartException.class).hasMessageContaining("ROADIE_CERTS_DIGITALOCEAN_TOKEN");
    }

    @Test
    void a_trusted_ca_needs_an_https_directory() {
        assertThatThrownBy(() -> TestHub.start(temp.resolve("data"), Map.of("certs.dnsProvider", "exec",
                "certs.exec.command", "/bin/true", "certs.trustedCa", temp.resolve("ca.pem").toString())))
                .isInstanceOf(HubStartException.class).hasMessageContaining("https://");
    }

    @Test
    void a_hub_holding_no_key_writes_no_master_key_and_a_key_from_the_environment_needs_no_file() {
        try (TestHub hub = TestHub.start(temp.resolve("data"))) {
            assertThat(Files.exists(temp.resolve("data-master.key"))).isFalse();
        }
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        try (TestHub hub = TestHub.start(temp.resolve("other"), Map.of("certs.masterKey", key))) {
            TestCertificates.Issued ca = TestCertificates.ca("CA");
            TestCertificates.Issued leaf = TestCertificates.leaf(ca, List.of("a.example.org"), Duration.ofDays(1));
            ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
            body.put("fullchainPem", Pem.certificates(List.of(leaf.certificate())));
            body.put("privkeyPem", Pem.privateKey(leaf.keys().getPrivate()));
            assertThat(Http.to(hub).post("/api/certs/a/import", hub.adminToken(), body.toString()).status())
                    .isEqualTo(201);
            assertThat(Http.to(hub).get("/api/certs/a/privkey.pem", hub.adminToken()).body())
                    .isEqualTo(Pem.privateKey(leaf.keys().getPrivate()));
        }
        assertThat(Files.exists(temp.resolve("other-master.key"))).isFalse();
    }

    @Test
    void a_bad_secret_setting_is_refused_without_repeating_the_secret() {
        assertThatThrownBy(() -> dev.roadie.hub.config.ConfigLoader.load(null, temp, Map.of("ROADIE_CERTS_MASTER_KEY",
                "c2VjcmV0LWJ1dC10b28tc2hvcnQ="), Map.of())).hasMessageContaining("certs.masterKey")
                .hasMessageNotContaining("c2VjcmV0LWJ1dC10b28tc2hvcnQ=");
        assertThatThrownBy(() -> dev.roadie.hub.config.ConfigLoader.load(null, temp, Map.of(
                "ROADIE_CERTS_DIGITALOCEAN_TOKEN", "dop v1 with spaces"), Map.of()))
                .hasMessageContaining("certs.digitalocean.token").hasMessageNotContaining("dop v1");
    }

    @Test
    void a_busy_tls_port_stops_the_start_naming_it() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> TestHub.start(temp.resolve("data"), Map.of("tls.certificate", "hub", "tls.port",
                    Integer.toString(busy.getLocalPort())))).isInstanceOf(HubStartException.class)
                    .hasMessageContaining("TLS port " + busy.getLocalPort());
        }
    }

    @Test
    void until_its_certificate_is_issued_the_tls_listener_serves_a_self_signed_placeholder() throws Exception {
        try (TestHub hub = TestHub.start(temp.resolve("data"), Map.of("tls.certificate", "hub", "tls.port", "0"))) {
            int port = hub.hub().tlsPort().orElseThrow();
            assertThat(port).isNotEqualTo(hub.port());
            javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
            trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                    throw new UnsupportedOperationException("client side only");
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                    // Looked at below: this test checks what is served, not who signed it.
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) trustAll.getSocketFactory()
                    .createSocket("127.0.0.1", port)) {
                socket.startHandshake();
                java.security.cert.X509Certificate served = (java.security.cert.X509Certificate) socket.getSession()
                        .getPeerCertificates()[0];
                assertThat(served.getSubjectX500Principal().getName()).contains("not issued yet");
            }
            assertThat(hub.hub().tlsSerial()).isEmpty();
            assertThat(Http.to(hub).get("/api/health", null).status()).isEqualTo(200);
        }
    }

    @Test
    void a_declared_certificate_without_a_dns_provider_says_why_it_is_not_issued() {
        try (TestHub hub = TestHub.start(temp.resolve("data"), Map.of("certs.masterKeyFile",
                temp.resolve("master.key").toString()))) {
            assertThat(Http.to(hub).post("/api/certs", hub.adminToken(),
                    "{\"name\":\"web\",\"domains\":[\"web.example.org\"]}").status()).isEqualTo(202);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Http.to(hub)
                    .get("/api/certs/web", hub.adminToken()).json().get("lastError").asString(""),
                    error -> error.contains("certs.dnsProvider"));
            assertThat(Http.to(hub).post("/api/certs", hub.adminToken(),
                    "{\"name\":\"web\",\"domains\":[\"web.example.org\"]}").status()).isEqualTo(400);
            assertThat(Http.to(hub).post("/api/certs", hub.adminToken(),
                    "{\"name\":\"bad\",\"domains\":[\"not a domain\"]}").status()).isEqualTo(400);
        }
    }
}
