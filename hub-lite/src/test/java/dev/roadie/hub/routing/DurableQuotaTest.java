package dev.roadie.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Durable messages are kept only for receivers the hub knows, and within quotas per sender, per
 * receiver and in all: a client can no longer fill the data folder with messages nobody takes.
 */
class DurableQuotaTest {
    static final Address BOT = Address.service("music-bot", "eu-1");

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();

    static Message durable(String id, Address to) {
        return new Message(0, id, null, to, "note", FrameCodec.DEFAULT.mapper().readTree("{\"n\":1}"), true);
    }

    static Message durable(String id, Address to, int bodyChars) {
        return new Message(0, id, null, to, "note", FrameCodec.DEFAULT.mapper().readTree(
                "\"" + "x".repeat(bodyChars) + "\""), true);
    }

    /** Sends a durable message and returns the error the hub answered it with, or null when it took it. */
    static ErrorFrame send(WireClient sender, Message message) {
        long seq = sender.sendNumbered(message);
        sender.expectAck(seq);
        sender.sync();
        return sender.received().stream().filter(ErrorFrame.class::isInstance).map(ErrorFrame.class::cast)
                .filter(e -> message.id().equals(e.re())).findFirst().orElse(null);
    }

    static List<String> durableIds(WireClient receiver) {
        receiver.sync();
        return receiver.received().stream().filter(Message.class::isInstance).map(f -> ((Message) f).id()).toList();
    }

    @Test
    void a_durable_message_to_a_made_up_service_is_refused_and_nothing_is_stored() {
        hub.start();
        WireClient desktop = hub.client("alice", "desktop", "send:*");

        ErrorFrame error = send(desktop, durable("d-1", Address.service("music-bot", "made-up-1")));

        assertThat(error).as("the hub answered the durable message with an error").isNotNull();
        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error.message()).contains("music-bot/made-up-1").contains("token").contains("announced");
        assertThat(hub.hub().context().durable().mayHaveWaiting(ServiceId.parse("music-bot/made-up-1"))).isFalse();
    }

    @Test
    void a_durable_message_to_a_made_up_service_over_rest_is_refused_with_404() {
        hub.start();
        String token = hub.token("alice", "desktop", "send:*");

        Http.Response response = Http.to(hub).post("/api/send", token,
                "{\"to\":\"service:music-bot/made-up-2\",\"subject\":\"note\",\"durable\":true}");

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.json().get("code").stringValue()).isEqualTo("not-found");
        assertThat(hub.hub().context().durable().mayHaveWaiting(ServiceId.parse("music-bot/made-up-2"))).isFalse();
    }

    @Test
    void a_durable_message_still_waits_for_a_service_that_has_a_token_or_was_announced() {
        hub.start();
        String botToken = hub.token("eu-1", "music-bot");
        WireClient agent = hub.client("ams-3-agent", "node-agent", "announce:audio-node");
        agent.sendNumbered(new dev.roadie.model.wire.Announce(0, "a-1", new dev.roadie.model.registry.ServiceDescriptor(
                "audio-node", "ams-3", "http://ams-3:2333", null, null, null)));
        agent.sync();
        agent.close();
        WireClient desktop = hub.client("alice", "desktop", "send:*");

        assertThat(send(desktop, durable("d-token", BOT))).isNull();
        assertThat(send(desktop, durable("d-announced", Address.service("audio-node", "ams-3")))).isNull();

        WireClient bot = hub.track(WireClient.authenticated(hub.port(), botToken));
        assertThat(bot.expect(Message.class).id()).isEqualTo("d-token");
    }

    @Test
    void a_sender_over_its_quota_is_refused_with_limit_reached_until_its_messages_are_taken() {
        hub.start(Map.of("quotas.durablePerSender", "3"));
        String botToken = hub.token("eu-1", "music-bot");
        WireClient desktop = hub.client("alice", "desktop", "send:*");
        for (int i = 1; i <= 3; i++) {
            assertThat(send(desktop, durable("d-" + i, BOT))).isNull();
        }

        ErrorFrame refused = send(desktop, durable("d-4", BOT));

        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(refused.message()).contains("quotas.durablePerSender").contains("desktop/alice");
        // Once the receiver took them (its acks come before the pong of the sync), the sender may send again.
        WireClient bot = hub.track(WireClient.authenticated(hub.port(), botToken));
        assertThat(durableIds(bot)).containsExactly("d-1", "d-2", "d-3");
        bot.sync();
        assertThat(send(desktop, durable("d-5", BOT))).isNull();
    }

    @Test
    void a_receiver_with_as_many_as_it_may_have_waiting_gets_no_more_from_anyone() {
        hub.start(Map.of("quotas.durablePerReceiver", "2"));
        hub.token("eu-1", "music-bot");
        WireClient alice = hub.client("alice", "desktop", "send:*");
        WireClient bob = hub.client("bob", "desktop", "send:*");
        assertThat(send(alice, durable("d-1", BOT))).isNull();
        assertThat(send(alice, durable("d-2", BOT))).isNull();

        ErrorFrame refused = send(bob, durable("d-3", BOT));

        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(refused.message()).contains("music-bot/eu-1").contains("quotas.durablePerReceiver");
        // Another receiver is not affected.
        hub.token("eu-2", "music-bot");
        assertThat(send(bob, durable("d-4", Address.service("music-bot", "eu-2")))).isNull();
    }

    @Test
    void the_hub_stores_no_more_bytes_than_its_total_quota_and_says_so_over_rest_with_429() {
        hub.start(Map.of("quotas.durableTotalBytes", "8KiB"));
        hub.token("eu-1", "music-bot");
        hub.token("eu-2", "music-bot");
        WireClient alice = hub.client("alice", "desktop", "send:*");
        assertThat(send(alice, durable("d-1", BOT, 3000))).isNull();
        assertThat(send(alice, durable("d-2", Address.service("music-bot", "eu-2"), 3000))).isNull();

        ErrorFrame refused = send(alice, durable("d-3", BOT, 3000));
        String token = hub.token("bob", "desktop", "send:*");
        Http.Response overRest = Http.to(hub).post("/api/send", token, "{\"to\":\"service:music-bot/eu-2\","
                + "\"subject\":\"note\",\"durable\":true,\"body\":\"" + "y".repeat(3000) + "\"}");

        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(refused.message()).contains("quotas.durableTotalBytes");
        assertThat(overRest.status()).as(overRest.toString()).isEqualTo(429);
        assertThat(overRest.json().get("code").stringValue()).isEqualTo("limit-reached");
        // A message that is not durable is not stored, so no quota applies to it.
        long seq = alice.sendNumbered(dev.roadie.hub.testing.Frames.message("m-1", BOT));
        alice.expectAck(seq);
    }

    @Test
    void what_is_stored_still_counts_after_a_restart() {
        hub.start(Map.of("quotas.durablePerSender", "2"));
        hub.token("eu-1", "music-bot");
        String aliceToken = hub.token("alice", "desktop", "send:*");
        WireClient alice = hub.track(WireClient.authenticated(hub.port(), aliceToken));
        assertThat(send(alice, durable("d-1", BOT))).isNull();
        assertThat(send(alice, durable("d-2", BOT))).isNull();
        hub.close();

        hub.start(Map.of("quotas.durablePerSender", "2"));
        WireClient again = hub.track(WireClient.authenticated(hub.port(), aliceToken));
        ErrorFrame refused = send(again, durable("d-3", BOT));

        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
    }
}
