package dev.roadie.hub.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.FakeDigitalOcean;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.Pebble;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Subscribe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** With a CA issuing 30-second certificates, the hub renews on its own when a third is left. */
class AutomaticRenewalTest {
    @TempDir
    Path temp;

    @Test
    void a_certificate_is_renewed_without_anybody_asking_and_subscribers_get_the_new_one() throws Exception {
        try (Pebble pebble = Pebble.start(Files.createDirectories(temp.resolve("pebble")), Duration.ofSeconds(30));
                FakeDigitalOcean digitalOcean = new FakeDigitalOcean(pebble, List.of("example.org"));
                TestHub hub = TestHub.start(temp.resolve("data"), Map.of(
                        "certs.directory", pebble.directoryUrl(),
                        "certs.trustedCa", pebble.trustedCaFile().toString(),
                        "certs.dnsProvider", "digitalocean",
                        "certs.digitalocean.apiUrl", digitalOcean.baseUrl(),
                        "certs.digitalocean.token", FakeDigitalOcean.TOKEN,
                        "certs.propagationWait", "0s",
                        "certs.timeout", "20s",
                        "certs.masterKeyFile", temp.resolve("master.key").toString(),
                        // The test waits half a minute: a loaded machine must not cost the subscriber its link.
                        "heartbeat.interval", "1s", "heartbeat.tolerance", "10"))) {
            Http http = Http.to(hub);
            assertThat(http.post("/api/certs", hub.adminToken(), "{\"name\":\"web\",\"domains\":[\"web.example.org\"]}")
                    .status()).isEqualTo(202);
            JsonNode first = await().atMost(Duration.ofSeconds(60)).until(
                    () -> http.get("/api/certs/web", hub.adminToken()).json(), info -> info.has("serial"));
            Instant renewAfter = Instant.parse(first.get("renewAfter").asString());
            Instant notAfter = Instant.parse(first.get("notAfter").asString());
            Instant notBefore = Instant.parse(first.get("notBefore").asString());
            assertThat(renewAfter).isEqualTo(Renewals.thirdLeft(notBefore, notAfter).truncatedTo(
                    java.time.temporal.ChronoUnit.SECONDS));

            WireClient subscriber = hub.client("nginx-1", "web", "certs:web");
            subscriber.sendNumbered(new Subscribe(0, "s1", "cert:web"));
            subscriber.expect(Message.class, m -> m.subject().equals("cert.issued"));

            String serial = first.get("serial").asString();
            JsonNode second = await().atMost(Duration.ofSeconds(90)).until(
                    () -> http.get("/api/certs/web", hub.adminToken()).json(),
                    info -> !info.get("serial").asString().equals(serial));
            assertThat(Instant.now()).isAfterOrEqualTo(renewAfter);
            Message pushed = subscriber.expect(Message.class, m -> m.subject().equals("cert.issued")
                    && m.body().get("serial").asString().equals(second.get("serial").asString()));
            assertThat(pushed.body().get("fullchainPem").asString()).startsWith("-----BEGIN CERTIFICATE-----");
        }
    }
}
