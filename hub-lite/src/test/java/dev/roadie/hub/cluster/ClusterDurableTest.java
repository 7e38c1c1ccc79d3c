package dev.roadie.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.RedisSentinels;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable messages in cluster mode live in Redis: any hub delivers what any hub accepted, now or
 * when the receiver connects, and neither the accepting hub's death nor a failover of the Redis
 * primary loses one its sender was acknowledged.
 */
class ClusterDurableTest {
    static final ServiceId DESK = new ServiceId("desktop", "me");

    @TempDir
    Path folder;

    static Message durable(String id) {
        return new Message(0, id, null, Address.service(DESK.kind(), DESK.name()), "note",
                FrameCodec.DEFAULT.mapper().readTree("{\"n\":1}"), true);
    }

    /** Sends a durable message, waits for the hub's ack, and returns the error it answered with, or null when it took it. */
    static ErrorFrame send(WireClient sender, Message message) {
        long seq = sender.sendNumbered(message);
        sender.expectAck(seq);
        sender.sync();
        return sender.received().stream().filter(ErrorFrame.class::isInstance).map(ErrorFrame.class::cast)
                .filter(e -> message.id().equals(e.re())).findFirst().orElse(null);
    }

    static List<String> messageIds(WireClient receiver) {
        receiver.sync();
        return receiver.received().stream().filter(Message.class::isInstance).map(f -> ((Message) f).id()).toList();
    }

    @Test
    void a_durable_message_reaches_a_receiver_on_another_hub_and_its_ack_removes_it_from_redis() {
        try (RedisServer redis = RedisServer.started(); ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            WireClient desk = b.client(DESK.name(), DESK.kind());
            WireClient bot = a.client("eu-1", "music-bot", "send:desktop");
            ClusterHubs.awaitSeen(a, Address.service(DESK.kind(), DESK.name()), 1);

            assertThat(send(bot, durable("d-1"))).isNull();

            Message got = desk.expect(Message.class);
            assertThat(got.id()).isEqualTo("d-1");
            assertThat(got.durable()).isTrue();
            // The receiver acknowledged it (WireClient acks what it gets): no hub has it any more.
            await("the ack removes it from Redis").atMost(Duration.ofSeconds(10))
                    .until(() -> a.hub().context().durable().pendingFor(DESK).isEmpty());
            assertThat(b.hub().context().durable().mayHaveWaiting(DESK)).isFalse();
            System.out.printf("A durable store in Redis without a replica: %.2f ms%n", storeMillis(a));
        }
    }

    @Test
    void a_durable_message_waits_in_redis_for_a_receiver_that_connects_later_to_another_hub() {
        try (RedisServer redis = RedisServer.started(); ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            a.token(DESK.name(), DESK.kind());
            WireClient bot = a.client("eu-1", "music-bot", "send:desktop");

            assertThat(send(bot, durable("d-1"))).isNull();
            assertThat(send(bot, durable("d-2"))).isNull();
            assertThat(b.hub().context().durable().pendingFor(DESK)).hasSize(2);

            WireClient desk = b.client(DESK.name(), DESK.kind());
            await("both arrive on the other hub").atMost(Duration.ofSeconds(10))
                    .until(() -> messageIds(desk), ids -> ids.containsAll(List.of("d-1", "d-2")));
            assertThat(messageIds(desk)).containsExactly("d-1", "d-2");
            await("acknowledged once, removed").atMost(Duration.ofSeconds(10))
                    .until(() -> a.hub().context().durable().pendingFor(DESK).isEmpty());
            desk.close();
            WireClient again = a.client(DESK.name(), DESK.kind());
            assertThat(messageIds(again)).as("nothing waits any more").isEmpty();
        }
    }

    @Test
    void the_quota_per_receiver_holds_across_hubs_and_an_ack_frees_it() {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), Map.of("quotas.durablePerReceiver", "2"))) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            a.token(DESK.name(), DESK.kind());
            b.token(DESK.name(), DESK.kind());
            WireClient fromA = a.client("eu-1", "music-bot", "send:desktop");
            WireClient fromB = b.client("eu-2", "music-bot", "send:desktop");

            assertThat(send(fromA, durable("d-1"))).isNull();
            assertThat(send(fromB, durable("d-2"))).isNull();
            ErrorFrame refused = send(fromA, durable("d-3"));

            assertThat(refused).as("the third, on the first hub, passes the cluster's quota").isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
            assertThat(refused.message()).contains("desktop/me", "already has 2", "across the cluster",
                    "quotas.durablePerReceiver");
            WireClient desk = b.client(DESK.name(), DESK.kind());
            await("both arrive").atMost(Duration.ofSeconds(10))
                    .until(() -> messageIds(desk), ids -> ids.containsAll(List.of("d-1", "d-2")));
            await("acknowledged, counted off").atMost(Duration.ofSeconds(10))
                    .until(() -> a.hub().context().durable().pendingFor(DESK).isEmpty());
            assertThat(send(fromA, durable("d-4"))).as("room again once acknowledged").isNull();
        }
    }

    @Test
    void only_the_leader_expires_durable_messages_for_the_whole_cluster() {
        try (RedisServer redis = RedisServer.started(); ClusterHubs cluster = new ClusterHubs(folder, redis.uri(),
                Map.of("sessions.durableTtl", "1s"))) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            await("one hub leading").atMost(Duration.ofSeconds(10)).until(() -> a.hub().cluster().orElseThrow()
                    .leading() || b.hub().cluster().orElseThrow().leading());
            TestHub leader = a.hub().cluster().orElseThrow().leading() ? a : b;
            TestHub follower = leader == a ? b : a;
            a.token(DESK.name(), DESK.kind());
            WireClient bot = follower.client("eu-1", "music-bot", "send:desktop");
            assertThat(send(bot, durable("d-1"))).isNull();
            long storedAt = System.currentTimeMillis();
            await("past its time to live").atMost(Duration.ofSeconds(5))
                    .until(() -> System.currentTimeMillis() - storedAt > 1200);

            assertThat(follower.hub().context().durable().expire()).as("a follower leaves it to the leader").isZero();
            assertThat(follower.hub().context().durable().pendingFor(DESK)).hasSize(1);
            assertThat(leader.hub().context().durable().expire()).isEqualTo(1);
            assertThat(follower.hub().context().durable().pendingFor(DESK)).isEmpty();
        }
    }

    @Test
    void a_durable_message_acknowledged_by_a_hub_killed_right_after_is_delivered_by_another() throws Exception {
        try (RedisServer redis = RedisServer.started(); ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            TestHub a = cluster.start();
            a.token(DESK.name(), DESK.kind());
            Process b = startHubProcess(folder.resolve("b"), redis.uri(), cluster.name());
            try {
                String[] ready = HubProcess.readReady(b);
                WireClient sender = WireClient.authenticated(Integer.parseInt(ready[1]), ready[2]);
                List<String> sent = new ArrayList<>();
                for (int i = 1; i <= 20; i++) {
                    sent.add("k-" + i);
                    assertThat(send(sender, durable("k-" + i))).isNull();
                }
                // Acknowledged by hub b: SIGKILL now, before it could do anything more.
                b.destroyForcibly();
                b.waitFor(10, TimeUnit.SECONDS);

                WireClient desk = a.client(DESK.name(), DESK.kind());
                await("every acknowledged message, from the surviving hub").atMost(Duration.ofSeconds(10))
                        .until(() -> messageIds(desk), ids -> ids.containsAll(sent));
                assertThat(messageIds(desk)).containsExactlyElementsOf(sent);
            } finally {
                b.destroyForcibly();
                b.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void durable_messages_acknowledged_before_the_redis_primary_is_killed_are_all_delivered_after() {
        try (RedisSentinels redis = RedisSentinels.start(folder);
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            a.token(DESK.name(), DESK.kind());
            WireClient bot = a.client("eu-1", "music-bot", "send:desktop");
            // Until the replica has its first copy a store is not confirmed on it (CLUSTER.md): wait for that here.
            await("the replica is in sync").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> SharedDurableMessages.replicas(replicationInfo(redis.primary().port())) == 1);
            List<String> sent = new ArrayList<>();
            long startedAt = System.nanoTime();
            for (int i = 1; i <= 50; i++) {
                sent.add("f-" + i);
                assertThat(send(bot, durable("f-" + i))).as("f-" + i).isNull();
            }
            System.out.printf("50 durable messages, each confirmed on the replica before its ack: %.2f ms each"
                    + " from send to ack; a store alone: %.2f ms%n", (System.nanoTime() - startedAt) / 50 / 1e6,
                    storeMillis(a));

            // Acknowledged means a replica confirmed it (WAIT 1): the primary may die at once.
            redis.primary().kill();
            await("the sentinels promote the replica").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> redis.primaryPort() == redis.replica().port());

            await("hub b reads from the new primary").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> b.hub().context().durable().pendingFor(DESK).size() == sent.size());
            WireClient desk = b.client(DESK.name(), DESK.kind());
            await("every acknowledged message after the failover").atMost(Duration.ofSeconds(10))
                    .until(() -> messageIds(desk), ids -> ids.containsAll(sent));
            assertThat(messageIds(desk)).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void a_store_no_replica_confirms_is_refused_with_upstream_failed_and_not_acknowledged_as_kept() {
        try (RedisServer primary = RedisServer.started();
                RedisServer replica = RedisServer.started(List.of("--replicaof", "127.0.0.1",
                        Integer.toString(primary.port())));
                ClusterHubs cluster = new ClusterHubs(folder, primary.uri(), Map.of("heartbeat.tolerance", "50"))) {
            await("the replica is in sync").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> SharedDurableMessages.replicas(replicationInfo(primary.port())) == 1);
            TestHub a = cluster.start();
            a.token(DESK.name(), DESK.kind());
            WireClient bot = a.client("eu-1", "music-bot", "send:desktop");
            assertThat(send(bot, durable("d-1"))).as("confirmed by the replica").isNull();

            replica.signal("STOP");
            try {
                long sentAt = System.nanoTime();
                ErrorFrame refused = send(bot, durable("d-2"));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);

                assertThat(refused).as("no replica confirmed it").isNotNull();
                assertThat(refused.code()).isEqualTo(ErrorCode.UPSTREAM_FAILED);
                assertThat(refused.message()).contains("d-2", "none of its 1 replicas confirmed it", "same id");
                assertThat(millis).as("ms until the refusal: the replica wait, not more").isBetween(900L, 5000L);
            } finally {
                replica.signal("CONT");
            }
            assertThat(send(bot, durable("d-3"))).as("confirmed again once the replica is back").isNull();
        }
    }

    @Test
    void only_replicas_in_sync_count_as_able_to_confirm_a_write() {
        String info = "# Replication\r\nrole:master\r\nconnected_slaves:2\r\n"
                + "slave0:ip=127.0.0.1,port=7001,state=online,offset=42,lag=0\r\n"
                + "slave1:ip=127.0.0.1,port=7002,state=wait_bgsave,offset=0,lag=0\r\nmaster_repl_offset:42\r\n";
        assertThat(SharedDurableMessages.replicas(info)).isEqualTo(1);
        assertThat(SharedDurableMessages.replicas("# Replication\r\nrole:master\r\nconnected_slaves:0\r\n"))
                .isZero();
    }

    /** The mean time of 200 stores for a receiver of its own, straight into the hub's durable messages. */
    private static double storeMillis(TestHub hub) {
        ServiceId other = new ServiceId("desktop", "measured");
        Message message = durable("m").from(new ServiceId("music-bot", "probe"));
        long startedAt = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            hub.hub().context().durable().store(List.of(other), message);
        }
        return (System.nanoTime() - startedAt) / 200 / 1e6;
    }

    private static String replicationInfo(int port) {
        RedisClient client = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().info("replication");
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static Process startHubProcess(Path data, String redis, String name) throws IOException {
        return HubProcess.start(data.toString(), redis, name, "eu-9", "music-bot", "1s", "send:desktop", DESK.toString());
    }

}
