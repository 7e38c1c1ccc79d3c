package dev.roadie.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One hub of a cluster leads at a time, another takes over when it dies, and a leader cut off from Redis stands down. */
class LeaderLeaseTest {
    @TempDir
    Path folder;

    @Test
    void one_hub_of_three_leads_and_every_hub_names_it_in_its_health() throws Exception {
        try (RedisServer redis = RedisServer.started(); ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            List<TestHub> hubs = List.of(cluster.start(), cluster.start(), cluster.start());

            await("one hub leading").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> hubs.stream().filter(LeaderLeaseTest::leading).count() == 1);
            TestHub leader = hubs.stream().filter(LeaderLeaseTest::leading).findFirst().orElseThrow();
            for (TestHub hub : hubs) {
                assertThat(Http.to(hub).get("/api/health", null).json().get("leader").asString())
                        .as("the leader named by hub %s", hub.hub().epoch()).isEqualTo(leader.hub().epoch());
            }
        }
    }

    @Test
    void a_leader_killed_with_sigkill_is_replaced_by_exactly_one_hub_within_two_leases_and_a_half() throws Exception {
        try (RedisServer redis = RedisServer.started(); ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            // Started first, alone: the hub in its own process takes the lease.
            Process first = startHubProcess(folder.resolve("first"), redis.uri(), cluster.name());
            try {
                Http firstHealth = new Http("http://127.0.0.1:" + HubProcess.readReady(first)[1]);
                await("the first hub leading").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> {
                            var health = firstHealth.get("/api/health", null).json();
                            return health.get("epoch").asString().equals(health.path("leader").asString(""));
                        });
                List<TestHub> others = List.of(cluster.start(), cluster.start());
                assertThat(others).noneMatch(LeaderLeaseTest::leading);
                String killed = firstHealth.get("/api/health", null).json().get("epoch").asString();
                await("the others naming it").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> others.stream().allMatch(hub -> killed.equals(
                                hub.hub().cluster().orElseThrow().leader().orElse(""))));

                long killedAt = System.nanoTime();
                first.destroyForcibly();
                AtomicBoolean twoLeading = new AtomicBoolean();
                await("another hub leading").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                        .until(() -> {
                            long count = others.stream().filter(LeaderLeaseTest::leading).count();
                            twoLeading.compareAndSet(false, count > 1);
                            return count == 1;
                        });
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                assertThat(twoLeading).as("two hubs leading at once").isFalse();
                // cluster.lease is 1 s: the key lapses (1 s), a round sees it (≤ 1/3 s), the new holder waits a lease (1 s).
                assertThat(millis).as("ms from SIGKILL of the leader to a new one").isLessThan(4000);
                System.out.println("New leader " + millis + " ms after SIGKILL of the old one (cluster.lease 1s)");
            } finally {
                first.destroyForcibly();
                first.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void a_leader_cut_off_from_redis_stops_leading_before_another_hub_starts() throws Exception {
        try (RedisServer redis = RedisServer.started(); FreezableProxy proxy = new FreezableProxy(redis.port());
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            Map<String, String> throughProxy = new HashMap<>(Map.of("cluster.redis", "redis://127.0.0.1:" + proxy.port(),
                    "cluster.name", cluster.name(), "cluster.lease", "1s"));
            try (TestHub cutOff = TestHub.start(folder.resolve("cut-off"), throughProxy)) {
                await("the hub behind the proxy leading").atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(20)).until(() -> leading(cutOff));
                TestHub other = cluster.start();

                long frozenAt = System.nanoTime();
                proxy.freeze();
                AtomicBoolean twoLeading = new AtomicBoolean();
                AtomicLong stoppedAt = new AtomicLong();
                await("the other hub leading").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                        .until(() -> {
                            boolean old = leading(cutOff);
                            boolean now = leading(other);
                            twoLeading.compareAndSet(false, old && now);
                            if (!old) {
                                stoppedAt.compareAndSet(0, System.nanoTime());
                            }
                            return now;
                        });
                long tookOver = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt);
                long stoodDown = TimeUnit.NANOSECONDS.toMillis(stoppedAt.get() - frozenAt);
                assertThat(twoLeading).as("two hubs leading at once").isFalse();
                assertThat(stoppedAt.get()).as("the cut-off hub stood down").isNotZero();
                // Its count ends 0.95 s after its last renewal was sent, before the cut; the rest is room for a late poll.
                assertThat(stoodDown).as("ms to stand down, within its own lease").isLessThan(1500);
                assertThat(leading(cutOff)).isFalse();
                System.out.println("Cut-off leader stood down " + stoodDown + " ms after the cut; the other led after "
                        + tookOver + " ms (cluster.lease 1s)");
            }
        }
    }

    private static boolean leading(TestHub hub) {
        return hub.hub().cluster().orElseThrow().leading();
    }

    private static Process startHubProcess(Path data, String redis, String name) throws IOException {
        return HubProcess.start(data.toString(), redis, name, "there", "audio-node", "1s");
    }

}
