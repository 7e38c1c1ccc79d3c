package dev.roadie.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.FakeDigitalOcean;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.Pebble;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Subscribe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * ACME across hubs, with a real CA (Pebble): orders asked for on a follower are carried out by the
 * leader, the certificate it renews is pushed to a subscriber on the other hub, and when the
 * leader is killed mid-renewal the next leader renews.
 */
class ClusterAcmeTest {
    @TempDir
    Path folder;

    @Test
    void the_leader_alone_orders_and_renews_and_the_next_leader_renews_what_a_killed_one_left_halfway()
            throws Exception {
        try (RedisServer redis = RedisServer.started();
                Pebble pebble = Pebble.start(Files.createDirectories(folder.resolve("pebble")), Duration.ofDays(1));
                FakeDigitalOcean digitalOcean = new FakeDigitalOcean(pebble, List.of("example.org"));
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), Map.of())) {
            Map<String, String> settings = new HashMap<>(Map.of(
                    "certs.directory", pebble.directoryUrl(),
                    "certs.trustedCa", pebble.trustedCaFile().toString(),
                    "certs.dnsProvider", "digitalocean",
                    "certs.digitalocean.apiUrl", digitalOcean.baseUrl(),
                    "certs.digitalocean.token", FakeDigitalOcean.TOKEN,
                    // Long enough to kill the leader between its DNS record and its order's end.
                    "certs.propagationWait", "4s",
                    "certs.timeout", "60s",
                    "certs.masterKeyFile", folder.resolve("master.key").toString()));
            // A lease long enough that a loaded machine does not pass the lead around between the orders.
            settings.putAll(Map.of("cluster.redis", redis.uri(), "cluster.name", cluster.name(), "cluster.lease", "4s",
                    "heartbeat.interval", "1s", "heartbeat.tolerance", "10"));

            Path log = folder.resolve("leader.log");
            Process leader = SettingsHubProcess.start(log, folder.resolve("leader"), settings);
            try {
                String[] ready = SettingsHubProcess.awaitReady(leader, log);
                String leaderEpoch = ready[2];
                Http leaderHttp = new Http("http://127.0.0.1:" + ready[1]);
                await("the first hub leading").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> leaderEpoch.equals(leaderHttp.get("/api/health", null).json().path("leader")
                                .asString("")));

                TestHub follower = TestHub.start(folder.resolve("follower"), settings);
                try {
                    String admin = follower.token("ops-admin", "admin", "admin");
                    WireClient subscriber = follower.client("nginx-1", "web", "certs:web");
                    subscriber.expectAck(subscriber.sendNumbered(new Subscribe(0, "s1", "cert:web")));
                    WireClient watcher = follower.client("ops", "desktop", "registry");
                    watcher.expectAck(watcher.sendNumbered(new Subscribe(0, "s2", RegistryEvent.TOPIC)));
                    Http http = Http.to(follower);

                    // Declared on the follower, ordered by the leader.
                    assertThat(http.post("/api/certs", admin, "{\"name\":\"web\",\"domains\":[\"web.example.org\"]}")
                            .status()).isEqualTo(202);
                    String first = pushedSerial(subscriber);
                    assertThat(issuers(http, admin, 1)).as("hubs that recorded an issuance").containsOnly(leaderEpoch);

                    // A renewal asked for on the follower: the leader renews, the follower's subscriber gets it.
                    long asked = System.nanoTime();
                    assertThat(http.post("/api/certs/web/renew", admin, "").status()).isEqualTo(202);
                    String second = pushedSerial(subscriber, first);
                    long renewedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
                    watcher.expect(Message.class, m -> m.subject().equals("cert.renewed")
                            && m.body().get("serial").asString().equals(second));
                    assertThat(issuers(http, admin, 2)).containsOnly(leaderEpoch);

                    // Renewal again; the leader is killed once its DNS record is made, before its order ends.
                    int records = digitalOcean.created();
                    assertThat(http.post("/api/certs/web/renew", admin, "").status()).isEqualTo(202);
                    await("the leader's DNS record for the renewal").atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(20)).until(() -> digitalOcean.created() > records);
                    long killed = System.nanoTime();
                    leader.destroyForcibly();
                    leader.waitFor(10, TimeUnit.SECONDS);

                    String third = pushedSerial(subscriber, first, second);
                    long takeoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
                    assertThat(http.get("/api/certs/web", admin).json().get("serial").asString()).isEqualTo(third);
                    assertThat(issuers(http, admin, 3)).as("the next leader renewed").contains(follower.hub().epoch());
                    assertThat(http.get("/api/health", null).json().get("leader").asString())
                            .isEqualTo(follower.hub().epoch());
                    System.out.println("ACME across hubs: renewal asked on a follower, pushed there " + renewedMs
                            + " ms later; leader killed mid-renewal, renewed by the next leader " + takeoverMs
                            + " ms after the kill");
                } finally {
                    follower.close();
                }
            } finally {
                leader.destroyForcibly();
                leader.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The serial of a {@code cert.issued} pushed to {@code subscriber} that is none of {@code before}. */
    private static String pushedSerial(WireClient subscriber, String... before) {
        return await("a new certificate pushed").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> subscriber.received().stream().filter(Message.class::isInstance).map(Message.class::cast)
                        .filter(m -> m.subject().equals("cert.issued"))
                        .map(m -> m.body().get("serial").asString())
                        .filter(serial -> !List.of(before).contains(serial)).reduce((a, b) -> b).orElse(null),
                        serial -> serial != null);
    }

    /**
     * The hubs that recorded a {@code cert.issue} in the cluster's audit log, once it holds
     * {@code issuances} of them (the entry is added just after the certificate is stored).
     */
    private static List<String> issuers(Http http, String admin, int issuances) {
        List<JsonNode> issued = await("the cluster's audit log with " + issuances + " issuances")
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    List<JsonNode> entries = new java.util.ArrayList<>();
                    for (JsonNode entry : http.get("/api/audit?limit=1000", admin).json()) {
                        if (entry.get("action").asString().equals("cert.issue")) {
                            entries.add(entry);
                        }
                    }
                    return entries;
                }, entries -> entries.size() >= issuances);
        return issued.stream().map(entry -> entry.get("hub").asString()).distinct().toList();
    }
}
