package dev.roadie.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.certs.Pem;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestCertificates;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Subscribe;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Certificates across hubs: kept in Redis with their keys encrypted under the master key every
 * hub shares, served and pushed by every hub, and a hub with another master key refused at start.
 */
class CertificatesAcrossHubsTest {
    @TempDir
    Path folder;

    @Test
    void a_certificate_imported_on_one_hub_is_served_and_pushed_by_another_and_its_key_is_never_clear_in_redis()
            throws Exception {
        Path masterKey = folder.resolve("master.key");
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), Map.of("certs.masterKeyFile",
                        masterKey.toString(), "heartbeat.interval", "1s"))) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            WireClient subscriber = b.client("nginx-1", "web", "certs:web");
            subscriber.expectAck(subscriber.sendNumbered(new Subscribe(0, "s1", "cert:web")));
            WireClient watcher = b.client("ops", "desktop", "registry");
            watcher.expectAck(watcher.sendNumbered(new Subscribe(0, "s2", RegistryEvent.TOPIC)));

            TestCertificates.Issued ca = TestCertificates.ca("Test CA");
            List<Long> pushMs = new ArrayList<>();
            String keyPem = null;
            String serial = null;
            for (int round = 0; round < 5; round++) {
                TestCertificates.Issued leaf = TestCertificates.leaf(ca, List.of("web.example.org"), Duration.ofDays(30));
                keyPem = Pem.privateKey(leaf.keys().getPrivate());
                serial = leaf.certificate().getSerialNumber().toString(16);
                ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
                body.put("fullchainPem", Pem.certificates(List.of(leaf.certificate(), ca.certificate())));
                body.put("privkeyPem", keyPem);
                long sent = System.nanoTime();
                Http.Response imported = Http.to(a).post("/api/certs/web/import", a.adminToken(), body.toString());
                assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
                String expected = serial;
                Message pushed = subscriber.expect(Message.class, m -> m.subject().equals("cert.issued")
                        && m.body().get("serial").asString().equals(expected));
                pushMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                assertThat(pushed.body().get("privkeyPem").asString()).isEqualTo(keyPem);
                watcher.expect(Message.class, m -> m.subject().equals("cert.renewed")
                        && m.body().get("serial").asString().equals(expected));
            }
            System.out.println("Certificate imported on one hub, pushed by the other, ms (request sent to push"
                    + " received): " + pushMs);

            Http.Response info = Http.to(b).get("/api/certs/web", b.adminToken());
            assertThat(info.json().get("serial").asString()).isEqualTo(serial);
            assertThat(Http.to(b).get("/api/certs/web/privkey.pem", b.adminToken()).body()).isEqualTo(keyPem);
            // An installation reported on B is listed on A: the serials issued are shared too.
            assertThat(Http.to(b).post("/api/certs/web/installed", b.token("nginx-1", "web", "certs:web"),
                    "{\"serial\":\"" + serial + "\"}").status()).isEqualTo(204);
            assertThat(Http.to(a).get("/api/certs/web", a.adminToken()).json().get("installations").get(0)
                    .get("service").asString()).isEqualTo("web/nginx-1");

            String keyBody = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            Map<String, String> raw = rawValues(redis, cluster.name());
            assertThat(raw).as("the cluster's keys").containsKey(cluster.name() + ":cert:web");
            assertThat(raw.values()).as("every value in Redis").noneMatch(v -> v.contains("PRIVATE KEY")
                    || v.contains(keyBody.substring(0, 40)));
            String master = Files.readString(masterKey).strip();
            assertThat(raw.values()).as("the master key is nowhere in Redis").noneMatch(v -> v.contains(master));
        }
    }

    @Test
    void a_hub_whose_master_key_does_not_open_the_clusters_certificates_says_so_and_keeps_out_of_them()
            throws Exception {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), Map.of("certs.masterKeyFile",
                        folder.resolve("master.key").toString()))) {
            TestHub first = cluster.start();
            Path otherKey = folder.resolve("other.key");
            Map<String, String> settings = new HashMap<>(Map.of("cluster.redis", redis.uri(), "cluster.name",
                    cluster.name(), "cluster.lease", "1s", "certs.masterKeyFile", otherKey.toString()));
            try (TestHub other = TestHub.start(folder.resolve("other"), settings)) {
                Http.Response refused = Http.to(other).get("/api/certs", other.token("ops-admin", "admin", "admin"));
                assertThat(refused.status()).isEqualTo(503);
                String message = refused.json().get("message").asString();
                assertThat(message).contains("the master key in the file " + otherKey,
                        "Every hub of a cluster needs the same master key");
                for (Path key : List.of(otherKey, folder.resolve("master.key"))) {
                    assertThat(message).doesNotContain(Files.readString(key).strip());
                }
                assertThat(Http.to(other).post("/api/certs", other.token("ops-admin", "admin", "admin"),
                        "{\"name\":\"web\",\"domains\":[\"web.example.org\"]}").status()).isEqualTo(503);
                assertThat(Http.to(first).get("/api/certs", first.adminToken()).json().get("certificates"))
                        .as("nothing stored by the hub with another key").isEmpty();
            }

            // The same key given in the setting instead of a file opens them.
            settings.remove("certs.masterKeyFile");
            settings.put("certs.masterKey", Files.readString(folder.resolve("master.key")).strip());
            try (TestHub same = TestHub.start(folder.resolve("same"), settings)) {
                assertThat(Http.to(same).get("/api/certs", same.token("ops-admin", "admin", "admin")).status()).isEqualTo(200);
            }
        }
    }

    /** Every string value under the cluster's keys (hash fields and values, sets, strings), by key. */
    static Map<String, String> rawValues(RedisServer redis, String cluster) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> sync = connection.sync();
            Map<String, String> all = new HashMap<>();
            for (String key : sync.keys(cluster + ":*")) {
                String type = sync.type(key);
                String value = switch (type) {
                    case "string" -> sync.get(key);
                    case "hash" -> sync.hgetall(key).toString();
                    case "set" -> sync.smembers(key).toString();
                    case "zset" -> sync.zrange(key, 0, -1).toString();
                    case "list" -> sync.lrange(key, 0, -1).toString();
                    case "stream" -> sync.xrange(key, io.lettuce.core.Range.create("-", "+")).toString();
                    default -> type;
                };
                all.put(key, value);
            }
            return all;
        } finally {
            client.shutdown();
        }
    }
}
