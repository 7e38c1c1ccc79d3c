package dev.roadie.hub.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.FakeDigitalOcean;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.Pebble;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Ping;
import dev.roadie.model.wire.Pong;
import dev.roadie.model.wire.Subscribe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Certificates from a real ACME CA (Pebble) with DNS-01 answered through a local server
 * speaking DigitalOcean's API, or through a script: issued, handed out, renewed and served.
 */
class AcmeCertificatesTest {
    private static final Duration ISSUANCE = Duration.ofSeconds(60);
    private static final String NAME = "example.org";

    @TempDir
    static Path shared;
    @TempDir
    Path temp;

    private static Pebble pebble;
    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    private FakeDigitalOcean digitalOcean;

    @BeforeAll
    static void startPebble() {
        pebble = Pebble.start(shared, Duration.ofHours(2));
    }

    @AfterAll
    static void stopPebble() {
        pebble.close();
    }

    @AfterEach
    void stop() {
        if (digitalOcean != null) {
            digitalOcean.close();
        }
    }

    private TestHub startHub(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("certs.directory", pebble.directoryUrl());
        settings.put("certs.trustedCa", pebble.trustedCaFile().toString());
        settings.put("certs.propagationWait", "0s");
        settings.put("certs.timeout", "30s");
        settings.put("certs.retryMin", "200ms");
        settings.put("certs.retryMax", "1s");
        settings.put("certs.masterKeyFile", temp.resolve("secret/master.key").toString());
        // Issuances take seconds: a loaded machine must not cost the subscribers their links meanwhile.
        settings.put("heartbeat.interval", "1s");
        settings.put("heartbeat.tolerance", "10");
        settings.putAll(extra);
        return hub.start(settings);
    }

    private TestHub startHubWithDigitalOcean(Map<String, String> extra) {
        digitalOcean = new FakeDigitalOcean(pebble, List.of("example.net", NAME));
        Map<String, String> settings = new HashMap<>(Map.of("certs.dnsProvider", "digitalocean",
                "certs.digitalocean.apiUrl", digitalOcean.baseUrl(), "certs.digitalocean.token", FakeDigitalOcean.TOKEN,
                "tls.certificate", NAME, "tls.port", "0"));
        settings.putAll(extra);
        return startHub(settings);
    }

    private JsonNode declareAndAwait(String name, String... domains) {
        String body = FrameCodec.DEFAULT.mapper().createObjectNode().put("name", name)
                .set("domains", FrameCodec.DEFAULT.mapper().valueToTree(List.of(domains))).toString();
        Http.Response declared = Http.to(hub).post("/api/certs", hub.adminToken(), body);
        assertThat(declared.status()).as(declared.toString()).isEqualTo(202);
        return awaitSerial(name, null);
    }

    /** Waits until {@code name} has a serial other than {@code previous}; returns its info. */
    private JsonNode awaitSerial(String name, String previous) {
        return await("certificate " + name + " issued").atMost(ISSUANCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Http.to(hub).get("/api/certs/" + name, hub.adminToken()).json(), info -> {
                    JsonNode serial = info.get("serial");
                    if (info.hasNonNull("lastError") && info.get("lastError").asString().contains("exec")) {
                        throw new AssertionError(info.get("lastError").asString() + "\n" + pebble.logs());
                    }
                    return serial != null && !serial.asString().equals(previous);
                });
    }

    @Test
    void a_name_and_its_wildcard_are_issued_and_handed_only_to_the_token_that_names_them() throws Exception {
        startHubWithDigitalOcean(Map.of());
        JsonNode info = declareAndAwait(NAME, NAME, "*." + NAME);
        assertThat(info.get("source").asString()).isEqualTo("acme");
        assertThat(info.get("lastError").isNull()).isTrue();
        assertThat(info.get("renewAfter").asString()).isNotBlank();

        String web = hub.token("nginx-1", "web", "certs:" + NAME);
        String other = hub.token("other", "web", "certs:example.net");
        Http http = Http.to(hub);
        String chainPem = http.get("/api/certs/" + NAME + "/fullchain.pem", web).body();
        String keyPem = http.get("/api/certs/" + NAME + "/privkey.pem", web).body();
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(http.get("/api/certs/" + NAME + "/privkey.pem", other).status()).isEqualTo(404);
        assertThat(http.get("/api/certs/" + NAME, other).status()).isEqualTo(404);

        List<X509Certificate> chain = Pem.parseChain(chainPem);
        assertThat(Pem.domains(chain.getFirst())).containsExactlyInAnyOrder(NAME, "*." + NAME);
        assertThat(Pem.serial(chain.getFirst())).isEqualTo(info.get("serial").asString());
        assertThat(Pem.belongTogether(Pem.parsePrivateKey(keyPem), chain.getFirst().getPublicKey())).isTrue();
        X509Certificate root = pebble.issuingRoot();
        PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        pkix.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain),
                pkix);

        // The hub's own TLS listener now serves it: a real handshake, checked against Pebble's root.
        await().atMost(Duration.ofSeconds(10)).until(() -> info.get("serial").asString()
                .equals(hub.hub().tlsSerial().orElse(null)));
        SSLContext trust = Pebble.trusting(root);
        assertThat(Pem.serial(handshake(trust, "www." + NAME))).isEqualTo(info.get("serial").asString());
        assertThat(httpsHealth(trust, NAME)).contains("\"status\":\"ok\"");

        // Both TXT records were created through the DNS API and removed after.
        assertThat(digitalOcean.created()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> digitalOcean.live() == 0);
        assertThat(digitalOcean.deleted()).isEqualTo(2);
        assertThat(hub.hub().context().audit().recent(50)).anyMatch(e -> e.action().equals("cert.issue"))
                .anyMatch(e -> e.action().equals("cert.fetch-key") && e.actor().equals("web/nginx-1"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("secret/master.key"))))
                .isEqualTo("rw-------");
        assertThat(metrics()).containsPattern("roadie_certificate_expiry_seconds\\{name=\"example.org\"} [0-9.eE+]+");
    }

    @Test
    void a_renewal_reaches_subscribers_and_the_tls_listener_swaps_without_dropping_open_sockets() throws Exception {
        startHubWithDigitalOcean(Map.of());
        String first = declareAndAwait(NAME, NAME, "*." + NAME).get("serial").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.equals(hub.hub().tlsSerial().orElse(null)));
        SSLContext trust = Pebble.trusting(pebble.issuingRoot());

        WireClient subscriber = hub.client("nginx-1", "web", "certs:" + NAME);
        subscriber.sendNumbered(new Subscribe(0, "s1", "cert:" + NAME));
        Message initial = subscriber.expect(Message.class, m -> m.subject().equals("cert.issued"));
        assertThat(initial.body().get("serial").asString()).isEqualTo(first);
        WireClient watcher = hub.client("dashboard", "web", "registry");
        watcher.sendNumbered(new Subscribe(0, "s2", "registry"));
        watcher.sync();

        WireClient overTls = hub.track(WireClient.connectTls(hub.hub().tlsPort().orElseThrow(), trust, NAME));
        overTls.hello(hub.token("java-1", "app", "certs:" + NAME));
        X509Certificate before = (X509Certificate) ((SSLSocket) overTls.getSocket()).getSession()
                .getPeerCertificates()[0];
        assertThat(Pem.serial(before)).isEqualTo(first);

        Http.Response renew = Http.to(hub).post("/api/certs/" + NAME + "/renew", hub.adminToken(), "");
        assertThat(renew.status()).isEqualTo(202);
        Message pushed = subscriber.expect(Message.class, m -> m.subject().equals("cert.issued")
                && !m.body().get("serial").asString().equals(first));
        String second = pushed.body().get("serial").asString();
        assertThat(pushed.body().get("privkeyPem").asString()).startsWith("-----BEGIN PRIVATE KEY-----");
        Message event = watcher.expect(Message.class, m -> m.subject().equals("cert.renewed"));
        assertThat(event.body().get("serial").asString()).isEqualTo(second);
        assertThat(event.body().toString()).doesNotContain("PRIVATE");

        // The open wss socket lives on; new handshakes get the new certificate.
        await().atMost(Duration.ofSeconds(10)).until(() -> second.equals(hub.hub().tlsSerial().orElse(null)));
        long ts = System.nanoTime();
        overTls.sendFrame(new Ping(ts));
        overTls.expect(Pong.class, pong -> pong.ts() == ts);
        assertThat(overTls.isOpen()).isTrue();
        assertThat(Pem.serial(handshake(trust, NAME))).isEqualTo(second);

        long seq = subscriber.sendNumbered(new Message(0, "m1", null, Address.topic("cert:" + NAME), "cert.installed",
                FrameCodec.DEFAULT.mapper().createObjectNode().put("serial", second), false));
        subscriber.expectAck(seq);
        JsonNode installations = Http.to(hub).get("/api/certs/" + NAME, hub.adminToken()).json().get("installations");
        assertThat(installations).hasSize(1);
        assertThat(installations.get(0).get("service").asString()).isEqualTo("web/nginx-1");
        assertThat(installations.get(0).get("current").asBoolean()).isTrue();
    }

    @Test
    void a_digitalocean_refusal_is_shown_as_last_error_and_retried_with_backoff_until_it_works() {
        startHubWithDigitalOcean(Map.of("tls.certificate", "none"));
        digitalOcean.rejectTokens(true);
        Http.Response declared = Http.to(hub).post("/api/certs", hub.adminToken(),
                "{\"name\":\"web\",\"domains\":[\"web.example.org\"]}");
        assertThat(declared.status()).isEqualTo(202);
        JsonNode failed = await().atMost(Duration.ofSeconds(20)).until(
                () -> Http.to(hub).get("/api/certs/web", hub.adminToken()).json(), info -> info.hasNonNull("lastError"));
        assertThat(failed.get("lastError").asString()).contains("401", "unauthorized", "certs.digitalocean.token")
                .doesNotContain(FakeDigitalOcean.TOKEN);
        assertThat(failed.has("serial")).isFalse();
        assertThat(Http.to(hub).get("/api/certs/web/fullchain.pem", hub.adminToken()).status()).isEqualTo(404);
        // Retried on its own, without anybody asking.
        await().atMost(Duration.ofSeconds(20)).until(() -> digitalOcean.refused() >= 3);

        digitalOcean.rejectTokens(false);
        JsonNode issued = awaitSerial("web", null);
        assertThat(issued.get("lastError").isNull()).isTrue();
    }

    @Test
    void the_exec_provider_runs_the_users_script_to_present_and_clean_up_records() throws Exception {
        Path log = temp.resolve("exec.log");
        Path script = temp.resolve("dns-hook.sh");
        Files.writeString(script, """
                #!/bin/sh
                set -e
                echo "$1 $2 $3" >> '%s'
                case "$1" in
                  present) curl -fsS -X POST -d "{\\"host\\":\\"$2\\",\\"value\\":\\"$3\\"}" '%s/set-txt' ;;
                  cleanup) curl -fsS -X POST -d "{\\"host\\":\\"$2\\"}" '%s/clear-txt' ;;
                esac
                """.formatted(log, pebble.challengeServerUrl(), pebble.challengeServerUrl()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        startHub(Map.of("certs.dnsProvider", "exec", "certs.exec.command", script.toString()));
        JsonNode info = declareAndAwait("api", "api.example.org");
        assertThat(info.get("domains").toString()).contains("api.example.org");
        List<String> calls = Files.readAllLines(log);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).startsWith("present _acme-challenge.api.example.org. ");
        assertThat(calls.get(1)).startsWith("cleanup _acme-challenge.api.example.org. ");
    }

    private String metrics() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            hub.hub().context().metrics().writeTo(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A fresh TLS handshake with the hub's TLS port, as {@code serverName}; returns the leaf it served. */
    private X509Certificate handshake(SSLContext trust, String serverName) throws IOException {
        try (SSLSocket socket = open(trust, serverName)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private String httpsHealth(SSLContext trust, String serverName) throws IOException {
        try (SSLSocket socket = open(trust, serverName)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/health HTTP/1.1\r\nHost: " + serverName + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private SSLSocket open(SSLContext trust, String serverName) throws IOException {
        int port = hub.hub().tlsPort().orElseThrow();
        SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket(new Socket("127.0.0.1", port), serverName,
                port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(10_000);
        return socket;
    }
}
