package dev.roadie.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hub killed with SIGKILL cannot say goodbye: the others drop it when its lease lapses. */
class HubKilledTest {
    @TempDir
    Path folder;

    @Test
    void a_gather_waiting_on_a_killed_hub_reports_it_gone_once_its_lease_lapses() throws Exception {
        try (RedisServer redis = RedisServer.started(); ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            TestHub a = cluster.start();
            Process b = startHubProcess(folder.resolve("b"), redis.uri(), cluster.name());
            try {
                String[] ready = HubProcess.readReady(b);
                CountDownLatch asked = new CountDownLatch(1);
                WireClient node = a.track(WireClient.authenticated(Integer.parseInt(ready[1]), ready[2]))
                        .respondWith(request -> {
                            asked.countDown();
                            return null;
                        });
                WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
                ClusterHubs.awaitSeen(a, Address.everyOf("audio-node"), 1);

                bot.sendNumbered(new Gather(0, "g-1", Address.everyOf("audio-node"), "health", null, 60_000,
                        GatherMode.ALL, 0));
                assertThat(asked.await(10, TimeUnit.SECONDS)).as("the node on the other hub was asked").isTrue();
                long killedAt = System.nanoTime();
                b.destroyForcibly();

                GatherResult result = bot.expect(GatherResult.class);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                assertThat(result.results()).singleElement().satisfies(r -> {
                    assertThat(r.service()).isEqualTo(new ServiceId("audio-node", "there"));
                    assertThat(r.status()).isEqualTo(ReplyStatus.GONE);
                    assertThat(r.error().message()).contains("left the cluster");
                });
                // cluster.lease is 1s here: dropped within the lease and one heartbeat (1.2 s), with room for a slow machine.
                assertThat(millis).as("ms from SIGKILL to gone").isLessThan(3000);
                System.out.println("Killed hub reported gone after " + millis + " ms (cluster.lease 1s)");
                node.close();
            } finally {
                b.destroyForcibly();
                b.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void a_request_to_a_killed_hub_before_its_lease_lapses_ends_gone_at_once() throws Exception {
        // A long lease: the dead hub stays listed for the whole test, so only the publish can tell.
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), Map.of("cluster.lease", "60s"))) {
            TestHub a = cluster.start();
            Process b = startHubProcess(folder.resolve("b"), redis.uri(), cluster.name(), "60s");
            try {
                String[] ready = HubProcess.readReady(b);
                a.track(WireClient.authenticated(Integer.parseInt(ready[1]), ready[2]));
                WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
                ClusterHubs.awaitSeen(a, Address.service("audio-node", "there"), 1);

                b.destroyForcibly();
                b.waitFor(10, TimeUnit.SECONDS);
                long sentAt = System.nanoTime();
                bot.sendNumbered(new Request(0, "r-1", null, Address.service("audio-node", "there"), "load", null,
                        30_000));

                Reply reply = bot.expect(Reply.class);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
                assertThat(reply.status()).isEqualTo(ReplyStatus.GONE);
                assertThat(reply.error().message()).contains("audio-node/there", "is gone");
                assertThat(millis).as("ms to the answer: nobody listens on the dead hub's channel, not the deadline")
                        .isLessThan(5000);
            } finally {
                b.destroyForcibly();
                b.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startHubProcess(Path data, String redis, String name) throws IOException {
        return startHubProcess(data, redis, name, "1s");
    }

    private static Process startHubProcess(Path data, String redis, String name, String lease) throws IOException {
        return HubProcess.start(data.toString(), redis, name, "there", "audio-node", lease);
    }


}
