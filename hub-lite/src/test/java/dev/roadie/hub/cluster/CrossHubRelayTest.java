package dev.roadie.hub.cluster;

import static dev.roadie.hub.testing.Frames.json;
import static dev.roadie.hub.testing.Frames.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.StateChange;
import dev.roadie.model.wire.Stats;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.Subscribe;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Clients on different hubs of one cluster reach each other with every address form. */
class CrossHubRelayTest {
    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    @TempDir
    Path folder;

    ClusterHubs cluster;
    TestHub a;
    TestHub b;

    @BeforeEach
    void startTwoHubs() {
        cluster = new ClusterHubs(folder, redis.uri());
        a = cluster.start();
        b = cluster.start();
    }

    @AfterEach
    void stopHubs() {
        cluster.close();
    }

    @Test
    void the_welcome_lists_the_socket_of_every_hub_of_the_cluster_this_one_first() {
        String onA = "ws://127.0.0.1:" + a.port() + "/ws";
        String onB = "ws://127.0.0.1:" + b.port() + "/ws";
        await("each hub knowing the other's address").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> a.hub().cluster().orElseThrow().hubUrls().size() == 2
                        && b.hub().cluster().orElseThrow().hubUrls().size() == 2);

        assertThat(a.client("alice", "desktop").welcome().hubs()).containsExactly(onA, onB);
        assertThat(b.client("bob", "desktop").welcome().hubs()).containsExactly(onB, onA);
        cluster.stop(b);
        await("b gone from a's welcome").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> a.client("carol-" + System.nanoTime() % 1000, "desktop").welcome().hubs(),
                        hubs -> java.util.List.of(onA).equals(hubs));
    }

    @Test
    void a_message_to_a_service_on_another_hub_reaches_it() {
        WireClient bot = b.client("eu-1", "music-bot");
        WireClient desk = a.client("alice", "desktop", "send:music-bot");
        ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 1);

        desk.sendNumbered(message("m-1", Address.service("music-bot", "eu-1"), json("{\"play\":\"song\"}")));

        Message got = bot.expect(Message.class);
        assertThat(got.id()).isEqualTo("m-1");
        assertThat(got.from()).as("the sender as its own hub names it").isEqualTo(new ServiceId("desktop", "alice"));
        assertThat(got.body().get("play").asString()).isEqualTo("song");
    }

    @Test
    void a_local_receiver_costs_no_publish_and_one_on_another_hub_costs_one() throws InterruptedException {
        WireClient here = a.client("here", "music-bot");
        WireClient there = b.client("there", "music-bot");
        WireClient desk = a.client("alice", "desktop", "send:music-bot");
        ClusterHubs.awaitSeen(a, Address.service("music-bot", "there"), 1);
        BlockingQueue<String> envelopes = new LinkedBlockingQueue<>();
        RedisClient spy = RedisClient.create(redis.uri());
        try (StatefulRedisPubSubConnection<String, String> listener = spy.connectPubSub()) {
            listener.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String text) {
                    envelopes.add(channel + " " + text);
                }
            });
            listener.sync().psubscribe(cluster.name() + ":hub:*");

            desk.sendNumbered(message("m-local", Address.service("music-bot", "here")));
            assertThat(here.expect(Message.class).id()).isEqualTo("m-local");
            desk.sendNumbered(message("m-remote", Address.service("music-bot", "there")));
            assertThat(there.expect(Message.class).id()).isEqualTo("m-remote");

            // One connection publishes both in order: a publish for the local one would come first.
            String first = envelopes.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("one publish, to the other hub's channel, for the remote receiver only")
                    .startsWith(cluster.name() + ":hub:" + b.hub().epoch() + " ").contains("m-remote")
                    .doesNotContain("m-local");
        } finally {
            spy.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void a_burst_to_a_service_on_another_hub_arrives_whole_and_in_order_in_at_most_one_publish_each()
            throws InterruptedException {
        WireClient there = b.client("there", "music-bot");
        WireClient desk = a.client("alice", "desktop", "send:music-bot");
        Address to = Address.service("music-bot", "there");
        ClusterHubs.awaitSeen(a, to, 1);
        java.util.concurrent.atomic.AtomicInteger publishes = new java.util.concurrent.atomic.AtomicInteger();
        RedisClient spy = RedisClient.create(redis.uri());
        try (StatefulRedisPubSubConnection<String, String> listener = spy.connectPubSub()) {
            listener.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String text) {
                    publishes.incrementAndGet();
                }
            });
            listener.sync().subscribe(cluster.name() + ":hub:" + b.hub().epoch());
            int burst = 300; // within the connection's frame burst (limits.frameBurst, 400)
            for (int i = 0; i < burst; i++) {
                desk.sendNumbered(message("m-" + i, to));
            }
            for (int i = 0; i < burst; i++) {
                assertThat(there.expect(Message.class).id()).isEqualTo("m-" + i);
            }
            assertThat(publishes.get()).as("at most one publish per message").isBetween(1, burst);
        } finally {
            spy.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void a_rest_send_on_one_hub_reaches_a_service_on_another() {
        WireClient bot = b.client("eu-1", "music-bot");
        ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 1);

        Http.Response response = Http.to(a).post("/api/send", a.token("alice", "desktop", "send:music-bot"),
                "{\"to\":\"service:music-bot/eu-1\",\"subject\":\"player.note\",\"body\":{\"text\":\"hi\"}}");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("delivered").asInt()).as("named once, on the other hub").isEqualTo(1);
        Message got = bot.expect(Message.class);
        assertThat(got.from()).isEqualTo(new ServiceId("desktop", "alice"));
        assertThat(got.body().get("text").asString()).isEqualTo("hi");
    }

    @Test
    void messages_between_two_hubs_keep_their_order() {
        WireClient bot = b.client("eu-1", "music-bot");
        WireClient desk = a.client("alice", "desktop", "send:music-bot");
        ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 1);

        for (int i = 0; i < 200; i++) {
            desk.sendNumbered(message("m-" + i, Address.service("music-bot", "eu-1")));
        }

        for (int i = 0; i < 200; i++) {
            assertThat(bot.expect(Message.class).id()).isEqualTo("m-" + i);
        }
    }

    @Test
    void a_message_to_a_kind_reaches_its_instances_on_both_hubs_once_each() {
        WireClient here = a.client("here", "audio-node");
        WireClient there = b.client("there", "audio-node");
        WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
        ClusterHubs.awaitSeen(a, Address.everyOf("audio-node"), 1);

        bot.sendNumbered(message("k-1", Address.everyOf("audio-node")));
        bot.sendNumbered(message("k-2", Address.everyOf("audio-node")));

        assertThat(here.expect(Message.class).id()).isEqualTo("k-1");
        assertThat(there.expect(Message.class).id()).isEqualTo("k-1");
        assertThat(here.expect(Message.class).id()).as("the next, not a second copy").isEqualTo("k-2");
        assertThat(there.expect(Message.class).id()).as("the next, not a second copy").isEqualTo("k-2");
    }

    @Test
    void a_topic_reaches_its_subscribers_on_every_hub() {
        WireClient here = a.client("desk-a", "desktop", "subscribe:player.1");
        WireClient there = b.client("desk-b", "desktop", "subscribe:player.1");
        here.sendNumbered(new Subscribe(0, "s-1", "player.1"));
        there.sendNumbered(new Subscribe(0, "s-2", "player.1"));
        WireClient bot = b.client("eu-1", "music-bot", "publish:player.1");
        ClusterHubs.awaitSeen(b, Address.topic("player.1"), 1);

        bot.sendNumbered(message("t-1", Address.topic("player.1")));

        assertThat(here.expect(Message.class).id()).isEqualTo("t-1");
        assertThat(there.expect(Message.class).id()).isEqualTo("t-1");
    }

    @Test
    void all_reaches_every_client_of_every_hub_but_the_sender() {
        WireClient here = a.client("desk-a", "desktop", "send:admin");
        WireClient there = b.client("desk-b", "desktop");
        WireClient admin = a.client("ops", "admin", "broadcast");
        ClusterHubs.awaitSeen(a, Address.everyone(), 1);

        admin.sendNumbered(message("all-1", Address.everyone()));
        here.sendNumbered(message("after", Address.service("admin", "ops")));

        assertThat(here.expect(Message.class).id()).isEqualTo("all-1");
        assertThat(there.expect(Message.class).id()).isEqualTo("all-1");
        assertThat(admin.expect(Message.class).id()).as("the sender gets no copy of its own broadcast")
                .isEqualTo("after");
    }

    @Test
    void a_request_to_a_service_on_another_hub_gets_its_reply_under_the_requesters_id() {
        WireClient bot = b.client("eu-1", "music-bot")
                .respondWith(request -> Reply.ok(request.id(), json("{\"queued\":true}")));
        WireClient desk = a.client("alice", "desktop", "send:music-bot");
        ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 1);

        desk.sendNumbered(new Request(0, "r-1", null, Address.service("music-bot", "eu-1"), "player.command",
                json("{\"command\":\"skip\"}"), 5000));

        Reply reply = desk.expect(Reply.class);
        assertThat(reply.re()).isEqualTo("r-1");
        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.from()).isEqualTo(new ServiceId("music-bot", "eu-1"));
        assertThat(reply.body().get("queued").asBoolean()).isTrue();
        Request delivered = bot.expect(Request.class);
        assertThat(delivered.from()).isEqualTo(new ServiceId("desktop", "alice"));
        assertThat(delivered.id()).as("a hub id, not the requester's").isNotEqualTo("r-1");
    }

    @Test
    void one_of_a_kind_with_no_instance_here_goes_to_one_on_another_hub() {
        b.client("there", "audio-node").respondWith(request -> Reply.ok(request.id(), json("{\"node\":\"there\"}")));
        WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
        ClusterHubs.awaitSeen(a, Address.oneOf("audio-node"), 1);

        bot.sendNumbered(new Request(0, "r-2", null, Address.oneOf("audio-node"), "load", null, 5000));

        Reply reply = bot.expect(Reply.class);
        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.from()).isEqualTo(new ServiceId("audio-node", "there"));
    }

    @Test
    void one_of_a_kind_takes_the_least_loaded_instance_across_hubs() {
        WireClient busy = a.client("busy", "audio-node", "announce:audio-node");
        WireClient idle = b.client("idle", "audio-node", "announce:audio-node");
        busy.respondWith(request -> Reply.ok(request.id(), null));
        idle.respondWith(request -> Reply.ok(request.id(), null));
        announceWithPlayers(busy, "busy", 40);
        announceWithPlayers(idle, "idle", 2);
        WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
        Cluster view = a.hub().cluster().orElseThrow();
        await("hub a seeing idle's load").atMost(Duration.ofSeconds(10)).until(() -> view.receivers(
                Address.oneOf("audio-node")).stream().anyMatch(r -> view.penalty(r).isPresent()));

        for (int i = 0; i < 3; i++) {
            bot.sendNumbered(new Request(0, "r-" + i, null, Address.oneOf("audio-node"), "load", null, 5000));
            assertThat(bot.expect(Reply.class).from()).as("the idle node on the other hub, not the busy one here")
                    .isEqualTo(new ServiceId("audio-node", "idle"));
        }
    }

    @Test
    void one_of_a_kind_skips_an_instance_draining_on_another_hub() {
        WireClient draining = b.client("draining", "audio-node", "announce:audio-node");
        WireClient up = b.client("up", "audio-node", "announce:audio-node");
        draining.sendNumbered(new Announce(0, "a-1", new ServiceDescriptor("audio-node", "draining", null, null, null,
                null)));
        draining.expectAck(draining.sendNumbered(new StateChange(0, "x-1", new ServiceId("audio-node", "draining"),
                ServiceState.DRAINING)));
        up.respondWith(request -> Reply.ok(request.id(), null));
        WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
        ClusterHubs.awaitSeen(a, Address.oneOf("audio-node"), 1);

        for (int i = 0; i < 4; i++) {
            bot.sendNumbered(new Request(0, "r-" + i, null, Address.oneOf("audio-node"), "load", null, 5000));
            assertThat(bot.expect(Reply.class).from()).isEqualTo(new ServiceId("audio-node", "up"));
        }
    }

    private static void announceWithPlayers(WireClient node, String name, int playing) {
        node.sendNumbered(new Announce(0, "a-" + name, new ServiceDescriptor("audio-node", name, null, null, null,
                null)));
        node.expectAck(node.sendNumbered(new Stats(0, "s-" + name, new ServiceId("audio-node", name),
                new NodeStats(playing, playing, 1000, null, new NodeStats.Cpu(2, 0.1, 0.05), null))));
    }

    @Test
    void a_message_to_a_kind_reaches_its_instances_on_three_hubs_once_each() {
        TestHub c = cluster.start();
        WireClient onA = a.client("on-a", "audio-node");
        WireClient onB = b.client("on-b", "audio-node");
        WireClient onC = c.client("on-c", "audio-node");
        WireClient bot = c.client("eu-1", "music-bot", "send:audio-node");
        ClusterHubs.awaitSeen(c, Address.everyOf("audio-node"), 2);

        bot.sendNumbered(message("k-1", Address.everyOf("audio-node")));
        bot.sendNumbered(message("k-2", Address.everyOf("audio-node")));

        for (WireClient node : new WireClient[] {onA, onB, onC}) {
            assertThat(node.expect(Message.class).id()).isEqualTo("k-1");
            assertThat(node.expect(Message.class).id()).as("the next, not a second copy").isEqualTo("k-2");
        }
    }

    @Test
    void one_of_a_kind_prefers_an_instance_on_its_own_hub() {
        b.client("there", "audio-node").respondWith(request -> Reply.ok(request.id(), null));
        a.client("here", "audio-node").respondWith(request -> Reply.ok(request.id(), null));
        WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
        ClusterHubs.awaitSeen(a, Address.oneOf("audio-node"), 1);

        for (int i = 0; i < 4; i++) {
            bot.sendNumbered(new Request(0, "r-" + i, null, Address.oneOf("audio-node"), "load", null, 5000));
            assertThat(bot.expect(Reply.class).from()).isEqualTo(new ServiceId("audio-node", "here"));
        }
    }

    @Test
    void a_gather_collects_a_status_from_receivers_on_every_hub() {
        a.client("here", "audio-node").respondWith(request -> Reply.ok(request.id(), json("{\"healthy\":true}")));
        b.client("there", "audio-node").respondWith(request -> Reply.ok(request.id(), json("{\"healthy\":true}")));
        b.client("silent", "audio-node");
        WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
        ClusterHubs.awaitSeen(a, Address.everyOf("audio-node"), 2);

        bot.sendNumbered(new Gather(0, "g-1", Address.everyOf("audio-node"), "health", null, 1500, GatherMode.ALL, 0));

        GatherResult result = bot.expect(GatherResult.class);
        Map<String, ReplyStatus> statuses = result.results().stream()
                .collect(Collectors.toMap(r -> r.service().name(), r -> r.status()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("here", ReplyStatus.OK,
                "there", ReplyStatus.OK, "silent", ReplyStatus.TIMEOUT));
    }

    @Test
    void a_call_waiting_on_a_hub_that_leaves_ends_gone() throws InterruptedException {
        CountDownLatch asked = new CountDownLatch(1);
        b.client("there", "audio-node").respondWith(request -> {
            asked.countDown();
            return null;
        });
        WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
        ClusterHubs.awaitSeen(a, Address.everyOf("audio-node"), 1);

        bot.sendNumbered(new Gather(0, "g-2", Address.everyOf("audio-node"), "health", null, 60_000,
                GatherMode.ALL, 0));
        asked.await();
        cluster.stop(b);

        GatherResult result = bot.expect(GatherResult.class);
        assertThat(result.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReplyStatus.GONE);
            assertThat(r.service()).isEqualTo(new ServiceId("audio-node", "there"));
        });
    }

    @Test
    void a_request_whose_receiver_disconnects_on_the_other_hub_ends_gone() throws InterruptedException {
        CountDownLatch asked = new CountDownLatch(1);
        WireClient node = b.client("there", "audio-node").respondWith(request -> {
            asked.countDown();
            return null;
        });
        WireClient bot = a.client("eu-1", "music-bot", "send:audio-node");
        ClusterHubs.awaitSeen(a, Address.service("audio-node", "there"), 1);

        bot.sendNumbered(new Request(0, "r-1", null, Address.service("audio-node", "there"), "load", null, 60_000));
        asked.await();
        node.close();

        Reply reply = bot.expect(Reply.class);
        assertThat(reply.re()).isEqualTo("r-1");
        assertThat(reply.status()).isEqualTo(ReplyStatus.GONE);
        assertThat(reply.error().message()).contains("audio-node/there");
    }

    @Test
    void a_client_that_leaves_another_hub_is_no_longer_routed_to() {
        WireClient bot = b.client("eu-1", "music-bot");
        WireClient desk = a.client("alice", "desktop", "send:music-bot");
        ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 1);

        bot.close();

        ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 0);
        desk.sendNumbered(new Request(0, "r-3", null, Address.service("music-bot", "eu-1"), "x", null, 5000));
        assertThat(desk.expect(Reply.class).status()).isEqualTo(ReplyStatus.NO_ROUTE);
    }
}
