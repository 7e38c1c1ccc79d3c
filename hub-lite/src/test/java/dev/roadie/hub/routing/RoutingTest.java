package dev.roadie.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Ack;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.Stats;
import dev.roadie.model.wire.Subscribe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class RoutingTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.withDefaults();

    WireClient client(String name, String kind, String... scopes) {
        return hub.client(name, kind, scopes);
    }

    static JsonNode json(String text) {
        return FrameCodec.DEFAULT.mapper().readTree(text);
    }

    static Message message(String id, Address to) {
        return new Message(0, id, null, to, "test.hello", json("{\"n\":1}"), false);
    }

    @Test
    void a_message_to_one_service_reaches_it_alone_with_the_sender_filled_in() {
        WireClient bot = client("eu-1", "music-bot");
        WireClient other = client("eu-2", "music-bot");
        WireClient desktop = client("alice", "desktop", "send:music-bot");

        long seq = desktop.sendNumbered(message("m-1", Address.service("music-bot", "eu-1")));

        Message got = bot.expect(Message.class);
        assertThat(got.id()).isEqualTo("m-1");
        assertThat(got.from()).isEqualTo(new ServiceId("desktop", "alice"));
        assertThat(got.body().get("n").asInt()).isEqualTo(1);
        assertThat(got.seq()).isPositive();
        desktop.expectAck(seq);
        other.sync();
        assertThat(other.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void a_message_to_a_kind_reaches_every_instance_of_it() {
        WireClient first = client("eu-1", "music-bot");
        WireClient second = client("eu-2", "music-bot");
        WireClient node = client("ams-1", "audio-node");
        WireClient desktop = client("alice", "desktop", "send:music-bot");

        desktop.sendNumbered(message("m-2", Address.everyOf("music-bot")));

        assertThat(first.expect(Message.class).id()).isEqualTo("m-2");
        assertThat(second.expect(Message.class).id()).isEqualTo("m-2");
        node.sync();
        assertThat(node.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void one_of_a_kind_takes_turns_when_nobody_has_stats() {
        WireClient first = client("eu-1", "music-bot");
        WireClient second = client("eu-2", "music-bot");
        WireClient desktop = client("alice", "desktop", "send:music-bot");

        for (int i = 0; i < 4; i++) {
            desktop.sendNumbered(message("m-" + i, Address.oneOf("music-bot")));
        }
        desktop.expectAck(4);

        first.sync();
        second.sync();
        assertThat(first.received().stream().filter(Message.class::isInstance).count()).isEqualTo(2);
        assertThat(second.received().stream().filter(Message.class::isInstance).count()).isEqualTo(2);
    }

    @Test
    void one_of_a_kind_picks_the_least_loaded_by_stats() {
        WireClient busy = client("busy", "audio-node", "announce:audio-node");
        WireClient idle = client("idle", "audio-node", "announce:audio-node");
        announceWithPlayers(busy, "busy", 40);
        announceWithPlayers(idle, "idle", 2);
        WireClient bot = client("eu-1", "music-bot", "send:audio-node");

        for (int i = 0; i < 3; i++) {
            bot.sendNumbered(message("m-" + i, Address.oneOf("audio-node")));
        }
        bot.expectAck(3);

        idle.sync();
        busy.sync();
        assertThat(idle.received().stream().filter(Message.class::isInstance).count()).isEqualTo(3);
        assertThat(busy.received()).noneMatch(Message.class::isInstance);
    }

    private static void announceWithPlayers(WireClient node, String name, int playing) {
        node.sendNumbered(new Announce(0, "a-" + name,
                new ServiceDescriptor("audio-node", name, null, null, null, null)));
        long seq = node.sendNumbered(new Stats(0, "s-" + name, new ServiceId("audio-node", name),
                new NodeStats(playing, playing, 1000, null, new NodeStats.Cpu(2, 0.1, 0.05), null)));
        node.expectAck(seq);
    }

    @Test
    void a_topic_reaches_its_subscribers_only() {
        WireClient listener = client("alice", "desktop", "subscribe:player.*");
        WireClient bystander = client("bob", "desktop", "subscribe:player.*");
        WireClient bot = client("eu-1", "music-bot", "publish:player.*");
        long seq = listener.sendNumbered(new Subscribe(0, "s-1", "player.guild-1"));
        listener.expectAck(seq);

        bot.sendNumbered(message("m-t", Address.topic("player.guild-1")));

        assertThat(listener.expect(Message.class).id()).isEqualTo("m-t");
        bystander.sync();
        assertThat(bystander.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void all_reaches_everyone_but_the_sender() {
        WireClient admin = WireClient.authenticated(hub.port(), hub.adminToken());
        hub.track(admin);
        WireClient first = client("alice", "desktop");
        WireClient second = client("eu-1", "music-bot");

        admin.sendNumbered(message("m-all", Address.everyone()));

        assertThat(first.expect(Message.class).id()).isEqualTo("m-all");
        assertThat(second.expect(Message.class).id()).isEqualTo("m-all");
        admin.sync();
        assertThat(admin.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void sending_without_the_scope_is_forbidden_and_names_the_scope() {
        client("eu-1", "music-bot");
        WireClient desktop = client("alice", "desktop", "send:audio-node");

        desktop.sendNumbered(message("m-x", Address.service("music-bot", "eu-1")));
        desktop.sendNumbered(message("m-y", Address.topic("player.1")));
        desktop.sendNumbered(message("m-z", Address.everyone()));

        ErrorFrame toBot = desktop.expect(ErrorFrame.class, e -> "m-x".equals(e.re()));
        assertThat(toBot.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(toBot.message()).contains("send:music-bot");
        assertThat(desktop.expect(ErrorFrame.class, e -> "m-y".equals(e.re())).message()).contains("publish:player.1");
        assertThat(desktop.expect(ErrorFrame.class, e -> "m-z".equals(e.re())).message()).contains("broadcast");
    }

    @Test
    void a_request_is_answered_by_its_receiver_under_the_requesters_id() {
        WireClient bot = client("eu-1", "music-bot")
                .respondWith(request -> Reply.ok(request.id(), json("{\"queued\":true}")));
        WireClient desktop = client("alice", "desktop", "send:music-bot");

        desktop.sendNumbered(new Request(0, "r-1", null, Address.oneOf("music-bot"), "player.command",
                json("{\"command\":\"skip\",\"guild\":\"1\"}"), 2000));

        Reply reply = desktop.expect(Reply.class);
        assertThat(reply.re()).isEqualTo("r-1");
        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.from()).isEqualTo(new ServiceId("music-bot", "eu-1"));
        assertThat(reply.body().get("queued").asBoolean()).isTrue();
        Request delivered = bot.expect(Request.class);
        assertThat(delivered.id()).isNotEqualTo("r-1");
        assertThat(delivered.from()).isEqualTo(new ServiceId("desktop", "alice"));
    }

    @Test
    void a_request_nobody_can_take_gets_no_route_at_once() {
        WireClient desktop = client("alice", "desktop", "send:music-bot");

        desktop.sendNumbered(new Request(0, "r-2", null, Address.oneOf("music-bot"), "player.command", null, 60_000));

        Reply reply = desktop.expect(Reply.class);
        assertThat(reply.re()).isEqualTo("r-2");
        assertThat(reply.status()).isEqualTo(ReplyStatus.NO_ROUTE);
        assertThat(reply.error().message()).contains("one:music-bot");
    }

    @Test
    void a_request_times_out_when_the_receiver_never_answers() {
        client("eu-1", "music-bot");
        WireClient desktop = client("alice", "desktop", "send:music-bot");

        desktop.sendNumbered(new Request(0, "r-3", null, Address.service("music-bot", "eu-1"), "slow", null, 150));

        Reply reply = desktop.expect(Reply.class);
        assertThat(reply.status()).isEqualTo(ReplyStatus.TIMEOUT);
        assertThat(reply.re()).isEqualTo("r-3");
    }

    @Test
    void a_request_to_many_receivers_is_refused_with_a_hint_to_gather() {
        WireClient desktop = client("alice", "desktop", "send:music-bot");

        desktop.sendNumbered(new Request(0, "r-4", null, Address.everyOf("music-bot"), "x", null, 100));

        ErrorFrame error = desktop.expect(ErrorFrame.class);
        assertThat(error.re()).isEqualTo("r-4");
        assertThat(error.message()).contains("gather");
    }

    @Test
    void a_reply_to_someone_elses_request_is_refused() {
        WireClient target = client("eu-1", "music-bot");
        WireClient stranger = client("eu-2", "music-bot");
        WireClient desktop = client("alice", "desktop", "send:music-bot");
        desktop.sendNumbered(new Request(0, "r-5", null, Address.service("music-bot", "eu-1"), "x", null, 5000));
        Request delivered = target.expect(Request.class);

        stranger.sendNumbered(new Reply(0, "x-1", delivered.id(), null, ReplyStatus.OK, null, null));

        assertThat(stranger.expect(ErrorFrame.class).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void a_replayed_frame_is_acknowledged_but_not_delivered_twice() {
        WireClient bot = client("eu-1", "music-bot");
        WireClient desktop = client("alice", "desktop", "send:music-bot");
        String frame = FrameCodec.DEFAULT.encode(message("m-dup", Address.service("music-bot", "eu-1")).withSeq(1));

        desktop.send(frame);
        desktop.expect(Ack.class, ack -> ack.seq() == 1);
        // Sent after the first ack, so that the ack it gets is its own, not one both share.
        desktop.send(frame);

        desktop.expect(Ack.class, ack -> ack.seq() == 1);
        bot.sync();
        assertThat(bot.received().stream().filter(Message.class::isInstance).count()).isEqualTo(1);
    }
}
