package dev.roadie.hub.cluster;

import static dev.roadie.hub.testing.Frames.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisSentinels;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hubs that join through sentinels follow the primary when it fails over to its replica. */
class SentinelFailoverTest {
    @TempDir
    Path folder;

    @Test
    void hubs_relay_again_through_the_new_primary_after_the_old_one_is_killed() {
        try (RedisSentinels redis = RedisSentinels.start(folder);
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            WireClient bot = b.client("eu-1", "music-bot");
            WireClient desk = a.client("alice", "desktop", "send:music-bot");
            ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 1);
            desk.sendNumbered(message("before", Address.service("music-bot", "eu-1")));
            assertThat(bot.expect(Message.class).id()).isEqualTo("before");

            long killedAt = System.nanoTime();
            redis.primary().kill();

            await("the sentinels promote the replica").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> redis.primaryPort() == redis.replica().port());
            AtomicInteger attempt = new AtomicInteger();
            // Until both hubs are back on the new primary, a send is refused (upstream-failed) or not yet seen; then it arrives.
            await("a message relayed through the new primary").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        String id = "after-" + attempt.incrementAndGet();
                        desk.sendNumbered(message(id, Address.service("music-bot", "eu-1")));
                        desk.sync();
                        return bot.received().stream().anyMatch(f -> f instanceof Message m && m.id().equals(id));
                    });
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            System.out.println("Relaying again " + millis + " ms after the Redis primary was killed");
            assertThat(Http.to(a).get("/api/health", null).status()).isEqualTo(200);
            assertThat(Http.to(b).get("/api/health", null).status()).isEqualTo(200);
            assertThat(desk.received()).as("refusals while failing over name Redis")
                    .filteredOn(ErrorFrame.class::isInstance)
                    .allSatisfy(f -> assertThat(((ErrorFrame) f).message()).contains("Redis"));
        }
    }
}
