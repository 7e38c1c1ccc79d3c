package dev.roadie.hub.cluster;

import static dev.roadie.hub.cluster.RegistryAcrossHubsTest.done;
import static dev.roadie.hub.cluster.RegistryAcrossHubsTest.eventOf;
import static dev.roadie.hub.cluster.RegistryAcrossHubsTest.isEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistryEvent.Change;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Subscribe;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's secrets across hubs: read on every hub by principals with {@code secrets:KIND} (and
 * by nobody else), kept in Redis encrypted under the shared master key, never in the clear in a
 * key or a published message.
 */
class SecretsAcrossHubsTest {
    @TempDir
    Path folder;

    @Test
    void a_services_secrets_reach_the_scoped_principals_of_every_hub_and_are_never_clear_in_redis() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), Map.of("certs.masterKeyFile",
                        folder.resolve("master.key").toString(), "heartbeat.interval", "1s"))) {
            RedisClient spy = RedisClient.create(redis.uri());
            try (StatefulRedisPubSubConnection<String, String> listener = spy.connectPubSub()) {
                Queue<String> published = new ConcurrentLinkedQueue<>();
                listener.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String pattern, String channel, String text) {
                        published.add(channel + " " + text);
                    }
                });
                listener.sync().psubscribe(cluster.name() + ":*");
                TestHub a = cluster.start();
                TestHub b = cluster.start();
                WireClient allowed = watcher(b, "bot", "registry", "secrets:audio-node");
                WireClient other = watcher(b, "ops", "registry");

                WireClient node = a.client("eu-1", "audio-node", "announce:audio-node");
                done(node, new Announce(0, "an-1", new ServiceDescriptor("audio-node", "eu-1",
                        "https://eu-1.example.org:2333", List.of(), Map.of(), Map.of("password", password))));

                RegistryEvent seen = eventOf(allowed.expect(Message.class, m -> isEvent(m, Change.added)));
                assertThat(seen.entry().service().secrets()).containsEntry("password", password);
                RegistryEvent hidden = eventOf(other.expect(Message.class, m -> isEvent(m, Change.added)));
                assertThat(hidden.entry().service().secrets()).isNullOrEmpty();
                String withScope = b.token("bot", "music-bot", "registry", "secrets:audio-node");
                assertThat(Http.to(b).get("/api/services/audio-node/eu-1", withScope).json().get("service")
                        .get("secrets").get("password").asString()).isEqualTo(password);
                assertThat(Http.to(b).get("/api/services/audio-node/eu-1", b.token("ops", "desktop", "registry"))
                        .json().get("service").has("secrets")).isFalse();

                // A hub that joins later reads them from Redis, and decrypts them with the same key.
                TestHub c = cluster.start();
                assertThat(Http.to(c).get("/api/services/audio-node/eu-1", c.token("bot", "music-bot", "registry",
                        "secrets:audio-node")).json().get("service").get("secrets").get("password").asString())
                        .isEqualTo(password);

                await("what was published").atMost(Duration.ofSeconds(5))
                        .until(() -> published.stream().anyMatch(m -> m.startsWith(cluster.name() + ":secrets ")));
                assertThat(published).as("every message published through Redis").isNotEmpty()
                        .noneMatch(m -> m.contains(password));
                Map<String, String> raw = CertificatesAcrossHubsTest.rawValues(redis, cluster.name());
                assertThat(raw).containsKey(cluster.name() + ":secrets");
                assertThat(raw.values()).as("every value in Redis").noneMatch(v -> v.contains(password));
            } finally {
                spy.shutdown();
            }
        }
    }

    @Test
    void a_service_that_moved_keeps_its_secrets_when_the_hub_it_left_removes_it() throws Exception {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), Map.of("certs.masterKeyFile",
                        folder.resolve("master.key").toString(), "heartbeat.interval", "200ms",
                        "registry.downAfter", "1s", "registry.removeAfter", "2s"))) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            ServiceDescriptor node = new ServiceDescriptor("audio-node", "eu-1", null, List.of(), Map.of(),
                    Map.of("password", "pw-moved"));
            WireClient onA = a.client("eu-1", "audio-node", "announce:audio-node");
            done(onA, new Announce(0, "an-1", node));
            onA.close();
            WireClient onB = b.client("eu-1", "audio-node", "announce:audio-node");
            done(onB, new Announce(0, "an-1", node));

            dev.roadie.model.registry.ServiceId id = node.id();
            await("hub A removing the entry it held").atMost(Duration.ofSeconds(20))
                    .until(() -> a.hub().context().registry().list().stream().noneMatch(e -> e.id().equals(id)));
            // A hub that joins now lists B's entry with the secrets B wrote: A's removal left them.
            TestHub later = cluster.start();
            String reader = later.token("bot", "music-bot", "registry", "secrets:audio-node");
            assertThat(Http.to(later).get("/api/services/audio-node/eu-1", reader).json().get("service")
                    .get("secrets").get("password").asString()).as("the secrets, after A removed its entry")
                    .isEqualTo("pw-moved");
        }
    }

    private static WireClient watcher(TestHub hub, String name, String... scopes) {
        WireClient watcher = hub.client(name, "desktop", scopes);
        done(watcher, new Subscribe(0, "sub-registry", RegistryEvent.TOPIC));
        return watcher;
    }
}
