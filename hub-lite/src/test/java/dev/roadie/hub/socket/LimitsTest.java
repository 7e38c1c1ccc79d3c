package dev.roadie.hub.socket;

import static dev.roadie.hub.testing.Frames.json;
import static dev.roadie.hub.testing.Frames.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Ack;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Ping;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.Subscribe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every per-connection limit: what a client that hits it sees, and that the others do not suffer for it. */
class LimitsTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();

    /** Each test starts its own hub with the limits it is about. */
    TestHub start(Map<String, String> settings) {
        return hub.start(settings);
    }

    WireClient client(String name, String kind, String... scopes) {
        return hub.client(name, kind, scopes);
    }

    static List<String> messageIds(WireClient client) {
        client.sync();
        return client.received().stream().filter(Message.class::isInstance).map(f -> ((Message) f).id()).toList();
    }

    /** Sends up to {@code frames} pings as fast as it can; stops early once the hub has closed the socket. */
    static void flood(WireClient client, int frames) {
        for (int i = 0; i < frames; i++) {
            try {
                client.sendFrame(new Ping(i));
            } catch (WebsocketNotConnectedException e) {
                return;
            }
        }
    }

    /** A message with a string body of {@code chars} copies of {@code c}. */
    static String frameWithBody(String id, Address to, char c, int chars) {
        return "{\"type\":\"message\",\"id\":\"" + id + "\",\"to\":\"" + to.text() + "\",\"subject\":\"big\","
                + "\"body\":\"" + String.valueOf(c).repeat(chars) + "\"}";
    }

    // ---- frame size ----

    @Test
    void a_frame_over_max_frame_bytes_is_refused_as_too_large_and_the_connection_still_routes() {
        start(Map.of("limits.maxFrameBytes", "2KiB"));
        WireClient receiver = client("eu-1", "music-bot");
        WireClient sender = client("alice", "desktop", "send:music-bot");
        Address bot = Address.service("music-bot", "eu-1");

        sender.send(frameWithBody("big-1", bot, 'x', 3000));

        ErrorFrame error = sender.expectError();
        assertThat(error.code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(error.message()).contains("over the limit of 2048 bytes");
        assertThat(error.re()).as("a too-large frame is not read, so its id is unknown").isNull();
        long seq = sender.sendNumbered(message("after", bot));
        assertThat(receiver.expect(Message.class).id()).as("the big frame was dropped").isEqualTo("after");
        sender.expectAck(seq);
        assertThat(sender.isClosedByHub()).isFalse();
    }

    @Test
    void the_frame_size_is_counted_in_utf8_bytes_not_characters() {
        start(Map.of("limits.maxFrameBytes", "2KiB"));
        client("eu-1", "music-bot");
        WireClient sender = client("alice", "desktop", "send:music-bot");

        // 1000 euro signs: about 1100 characters, but over 3000 bytes in UTF-8.
        sender.send(frameWithBody("euros", Address.service("music-bot", "eu-1"), '\u20ac', 1000));

        ErrorFrame error = sender.expectError();
        assertThat(error.code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(error.message()).contains("frame of 30");
    }

    @Test
    void a_frame_over_four_times_max_frame_bytes_closes_the_socket_with_1009() {
        start(Map.of("limits.maxFrameBytes", "2KiB"));
        WireClient sender = client("alice", "desktop", "send:music-bot");

        sender.send(frameWithBody("huge", Address.service("music-bot", "eu-1"), 'x', 4 * 2048 + 100));

        // The hub closes with 1009. Jetty drops the socket with the oversized payload unread, so the
        // client's TCP stack may reset before it reads the close frame and report 1006 instead.
        assertThat(sender.awaitClose()).isIn(1009, 1006);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hub.closesWith(1009)).isEqualTo(1));
        assertThat(sender.received()).noneMatch(ErrorFrame.class::isInstance);
    }

    // ---- frame rate ----

    @Test
    void frames_over_the_rate_are_dropped_with_one_rate_limited_error_and_later_frames_work_again() {
        // A slow heartbeat, so that pongs do not eat the small budget under test.
        start(Map.of("limits.framesPerSecond", "5", "limits.frameBurst", "5", "heartbeat.interval", "2s"));
        WireClient receiver = client("eu-1", "music-bot");
        WireClient sender = client("alice", "desktop", "send:music-bot");
        Address bot = Address.service("music-bot", "eu-1");

        for (int i = 0; i < 10; i++) {
            sender.sendNumbered(message("m-" + i, bot));
        }

        ErrorFrame error = sender.expect(ErrorFrame.class, e -> e.code() == ErrorCode.RATE_LIMITED);
        assertThat(error.message()).contains("more than 5 frames per second");
        // The burst went through in order.
        for (int i = 0; i < 5; i++) {
            int n = i;
            assertThat(receiver.expect(Message.class, m -> m.id().startsWith("m-")).id()).isEqualTo("m-" + n);
        }
        // Once the bucket refills, a frame is processed again: probe until one is acknowledged.
        AtomicLong probe = new AtomicLong();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
            long sent = probe.get();
            if (sent > 0 && sender.received().stream().anyMatch(f -> f instanceof Ack ack && ack.seq() >= sent)) {
                return true;
            }
            probe.set(sender.sendNumbered(message("probe-" + System.nanoTime(), bot)));
            return false;
        });
        assertThat(receiver.expect(Message.class, m -> m.id().startsWith("probe-"))).isNotNull();
        assertThat(messageIds(receiver).stream().filter(id -> id.startsWith("m-")))
                .as("some of the ten were dropped").hasSizeLessThan(10 - 5);
        assertThat(sender.isClosedByHub()).isFalse();
    }

    @Test
    void a_client_that_keeps_flooding_over_the_rate_is_closed_with_4008() {
        // framesPerSecond 5 allows 25 drops within the 5 s flood window; 200 frames make far more.
        start(Map.of("limits.framesPerSecond", "5", "limits.frameBurst", "5"));
        WireClient flooder = client("alice", "desktop");

        flood(flooder, 200);

        assertThat(flooder.awaitClose()).isEqualTo(4008);
        assertThat(flooder.closeReason()).isEqualTo("policy limit: kept sending over the rate limit");
        // The whole flood takes milliseconds: it is told once, not once per dropped frame.
        assertThat(flooder.received().stream().filter(f -> f instanceof ErrorFrame e
                && e.code() == ErrorCode.RATE_LIMITED)).hasSize(1);
    }

    @Test
    void a_flood_closes_only_the_flooder_and_not_a_calm_client_on_the_same_address() {
        start(Map.of("limits.framesPerSecond", "5", "limits.frameBurst", "5"));
        WireClient receiver = client("eu-1", "music-bot");
        WireClient calm = client("bob", "desktop", "send:music-bot");
        WireClient flooder = client("alice", "desktop");

        flood(flooder, 200);
        assertThat(flooder.awaitClose()).isEqualTo(4008);

        long seq = calm.sendNumbered(message("calm", Address.service("music-bot", "eu-1")));
        assertThat(receiver.expect(Message.class).id()).isEqualTo("calm");
        calm.expectAck(seq);
        assertThat(calm.isClosedByHub()).isFalse();
    }

    // ---- connections ----

    @Test
    void the_connection_over_connections_per_address_is_closed_with_4008_and_the_others_keep_working() {
        start(Map.of("limits.connectionsPerAddress", "3"));
        WireClient a = client("a", "desktop", "send:*");
        WireClient b = client("b", "desktop", "send:*");
        WireClient c = client("c", "desktop", "send:*");

        WireClient fourth = WireClient.connect(hub.port());
        hub.track(fourth);

        assertThat(fourth.awaitClose()).isEqualTo(4008);
        assertThat(fourth.closeReason()).isEqualTo("policy limit: too many connections from your address");
        a.sendNumbered(message("a-to-b", Address.service("desktop", "b")));
        b.sendNumbered(message("b-to-c", Address.service("desktop", "c")));
        c.sendNumbered(message("c-to-a", Address.service("desktop", "a")));
        assertThat(b.expect(Message.class).id()).isEqualTo("a-to-b");
        assertThat(c.expect(Message.class).id()).isEqualTo("b-to-c");
        assertThat(a.expect(Message.class).id()).isEqualTo("c-to-a");
        assertThat(List.of(a, b, c)).noneMatch(WireClient::isClosedByHub);
    }

    @Test
    void a_slot_freed_by_a_closed_connection_can_be_used_again() {
        start(Map.of("limits.connectionsPerAddress", "2"));
        client("a", "desktop");
        WireClient b = client("b", "desktop");
        WireClient refused = WireClient.connect(hub.port());
        hub.track(refused);
        assertThat(refused.awaitClose()).isEqualTo(4008);

        b.close();
        // Both b and the refused socket must be seen closed by the hub before their slots are free.
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.openConnections() == 1);

        WireClient c = client("c", "desktop");
        c.sync();
        assertThat(c.isClosedByHub()).isFalse();
    }

    // ---- subscriptions and services ----

    @Test
    void a_subscribe_over_max_subscriptions_is_refused_as_limit_reached_and_the_session_stays_usable() {
        start(Map.of("limits.maxSubscriptions", "2"));
        WireClient listener = client("alice", "desktop", "subscribe:*");
        WireClient bot = client("eu-1", "music-bot", "publish:*");
        listener.sendNumbered(new Subscribe(0, "s-1", "player.1"));
        listener.sendNumbered(new Subscribe(0, "s-2", "player.2"));

        long third = listener.sendNumbered(new Subscribe(0, "s-3", "player.3"));

        ErrorFrame error = listener.expectError();
        assertThat(error.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(error.re()).isEqualTo("s-3");
        assertThat(error.message()).contains("at most 2 subscriptions");
        listener.expectAck(third);
        bot.sendNumbered(message("on-3", Address.topic("player.3")));
        bot.sendNumbered(message("on-2", Address.topic("player.2")));
        assertThat(listener.expect(Message.class).id()).as("not subscribed to player.3").isEqualTo("on-2");
        assertThat(listener.isClosedByHub()).isFalse();
    }

    @Test
    void subscribing_again_to_a_topic_already_held_does_not_count_against_max_subscriptions() {
        start(Map.of("limits.maxSubscriptions", "2"));
        WireClient listener = client("alice", "desktop", "subscribe:*");
        listener.sendNumbered(new Subscribe(0, "s-1", "player.1"));
        listener.sendNumbered(new Subscribe(0, "s-2", "player.2"));

        long again = listener.sendNumbered(new Subscribe(0, "s-again", "player.1"));

        listener.expectAck(again);
        listener.sync();
        assertThat(listener.received()).noneMatch(ErrorFrame.class::isInstance);
    }

    static Announce announce(String id, String name) {
        return new Announce(0, id, new ServiceDescriptor("audio-node", name, null, null, null, null));
    }

    @Test
    void an_announce_over_max_services_per_connection_is_refused_as_limit_reached() {
        start(Map.of("limits.maxServicesPerConnection", "1"));
        WireClient agent = client("ams-agent", "node-agent", "announce:audio-node");
        WireClient bot = client("eu-1", "music-bot", "send:audio-node");
        long first = agent.sendNumbered(announce("a-1", "ams-1"));
        agent.expectAck(first);

        long second = agent.sendNumbered(announce("a-2", "ams-2"));

        ErrorFrame error = agent.expectError();
        assertThat(error.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(error.re()).isEqualTo("a-2");
        assertThat(error.message()).contains("at most 1 services per connection");
        agent.expectAck(second);
        assertThat(hub.hub().context().registry().get(new ServiceId("audio-node", "ams-2")))
                .isEmpty();
        bot.sendNumbered(message("to-ams-1", Address.service("audio-node", "ams-1")));
        assertThat(agent.expect(Message.class).id()).isEqualTo("to-ams-1");
    }

    @Test
    void announcing_again_a_service_already_served_is_allowed_at_the_limit() {
        start(Map.of("limits.maxServicesPerConnection", "1"));
        WireClient agent = client("ams-agent", "node-agent", "announce:audio-node");
        agent.sendNumbered(announce("a-1", "ams-1"));

        long again = agent.sendNumbered(announce("a-1b", "ams-1"));

        agent.expectAck(again);
        agent.sync();
        assertThat(agent.received()).noneMatch(ErrorFrame.class::isInstance);
    }

    // ---- slow consumers ----

    @Test
    void a_subscriber_that_never_acknowledges_is_closed_with_4009_while_one_that_acks_gets_everything() {
        start(Map.of("limits.maxUnackedFrames", "20"));
        WireClient slow = client("slow", "desktop", "subscribe:*").autoAck(false);
        WireClient fast = client("fast", "desktop", "subscribe:*");
        WireClient bot = client("eu-1", "music-bot", "publish:*");
        for (WireClient listener : List.of(slow, fast)) {
            long seq = listener.sendNumbered(new Subscribe(0, "s", "player.1"));
            listener.expectAck(seq);
        }

        // Published in batches of 5, each once the acking subscriber has it: the limit is a window
        // of frames in flight, so a burst of more than 20 would cut even a client that acks at once.
        List<String> sent = IntStream.range(0, 30).mapToObj(i -> "m-" + i).toList();
        for (int batch = 0; batch < sent.size(); batch += 5) {
            for (String id : sent.subList(batch, batch + 5)) {
                bot.sendNumbered(message(id, Address.topic("player.1"), json("{\"n\":1}")));
            }
            for (String id : sent.subList(batch, batch + 5)) {
                assertThat(fast.expect(Message.class).id()).isEqualTo(id);
            }
        }

        assertThat(slow.awaitClose()).isEqualTo(4009);
        assertThat(slow.closeReason()).startsWith("slow consumer: more than 20 frames");
        assertThat(slow.received().stream().filter(Message.class::isInstance).map(f -> ((Message) f).id()))
                .as("the frame that overflowed is not sent").containsExactlyElementsOf(sent.subList(0, 20));
        assertThat(messageIds(fast)).as("nothing twice").isEmpty();
        assertThat(fast.isClosedByHub()).isFalse();
    }

    // ---- heartbeats ----

    @Test
    void a_client_that_answers_nothing_is_closed_with_4004_while_one_that_answers_pings_stays() {
        start(Map.of("heartbeat.interval", "100ms", "heartbeat.tolerance", "2"));
        WireClient listener = client("listener", "music-bot");
        WireClient lively = client("lively", "desktop", "send:music-bot");
        WireClient silent = client("silent", "desktop").autoPong(false);

        assertThat(silent.awaitClose()).isEqualTo(4004);

        assertThat(silent.closeReason()).startsWith("heartbeat missed: nothing heard for");
        assertThat(silent.received()).as("the hub pinged it before giving up").anyMatch(Ping.class::isInstance);
        assertThat(lively.isClosedByHub()).isFalse();
        long seq = lively.sendNumbered(message("still-here", Address.service("music-bot", "listener")));
        assertThat(listener.expect(Message.class).id()).isEqualTo("still-here");
        lively.expectAck(seq);
    }

    @Test
    void with_the_default_heartbeat_a_silent_client_is_cut_within_15_seconds() {
        HubConfig.Heartbeat defaults = HubConfig.defaults().heartbeat();
        start(Map.of("heartbeat.interval", defaults.interval().toMillis() + "ms",
                "heartbeat.tolerance", Integer.toString(defaults.tolerance())));
        WireClient silent = client("silent", "desktop").autoPong(false);
        long lastHeard = System.nanoTime();

        await().atMost(Duration.ofSeconds(20)).until(silent::isClosedByHub);

        assertThat(Duration.ofNanos(System.nanoTime() - lastHeard)).isLessThan(Duration.ofSeconds(15));
        assertThat(silent.awaitClose()).isEqualTo(4004);
    }

    @Test
    void a_session_whose_link_missed_heartbeats_waits_for_a_resume_and_is_then_gone() {
        start(Map.of("heartbeat.interval", "100ms", "heartbeat.tolerance", "2", "sessions.resumeWindow", "300ms"));
        WireClient sender = client("alice", "desktop", "send:music-bot");
        WireClient silent = client("eu-1", "music-bot").autoPong(false);
        assertThat(silent.awaitClose()).isEqualTo(4004);

        sender.sendNumbered(new Request(0, "r-1", null, Address.service("music-bot", "eu-1"),
                "x", null, 5000));

        // The request waits in the detached session; it never resumes, so at the window's end it is gone.
        Reply reply = sender.expect(Reply.class);
        assertThat(reply.status()).isEqualTo(ReplyStatus.GONE);
    }
}
