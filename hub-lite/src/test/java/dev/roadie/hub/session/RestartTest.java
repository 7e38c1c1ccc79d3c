package dev.roadie.hub.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Goodbye;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Subscribe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Durable messages, goodbyes and the hello throttle: what happens around a hub restart. */
class RestartTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();

    WireClient connect(String token) {
        WireClient client = WireClient.authenticated(hub.port(), token);
        return hub.trackAcrossRestarts(client);
    }

    static Message durable(String id, Address to) {
        return new Message(0, id, null, to, "player.command", FrameCodec.DEFAULT.mapper().readTree("{\"n\":1}"), true);
    }

    @Test
    void a_durable_message_to_an_absent_receiver_waits_for_it_across_a_restart() {
        hub.start();
        String botToken = hub.token("eu-1", "music-bot");
        WireClient desktop = connect(hub.token("alice", "desktop", "send:music-bot"));
        long seq = desktop.sendNumbered(durable("d-1", Address.service("music-bot", "eu-1")));
        desktop.expectAck(seq);
        hub.close();

        hub.start();
        WireClient bot = connect(botToken);

        Message got = bot.expect(Message.class);
        assertThat(got.id()).isEqualTo("d-1");
        assertThat(got.durable()).isTrue();
        assertThat(got.from().toString()).isEqualTo("desktop/alice");
    }

    @Test
    void a_durable_message_addressed_while_its_receiver_was_away_reaches_it_if_it_connected_meanwhile() {
        hub.start();
        WireClient bot = connect(hub.token("eu-1", "music-bot"));
        bot.sync();

        // The sender found no receiver (the bot was not connected yet when it looked); the bot's
        // hello then asked for what waits before this message was stored.
        Message addressed = durable("d-race", Address.service("music-bot", "eu-1"));
        hub.hub().context().router().deliver(addressed, List.of());

        Message got = bot.expect(Message.class);
        assertThat(got.id()).isEqualTo("d-race");
        assertThat(got.durable()).isTrue();
    }

    @Test
    void a_durable_message_the_receiver_acknowledged_is_not_delivered_again() {
        hub.start();
        String botToken = hub.token("eu-1", "music-bot");
        WireClient bot = connect(botToken);
        WireClient desktop = connect(hub.token("alice", "desktop", "send:music-bot"));
        desktop.sendNumbered(durable("d-2", Address.service("music-bot", "eu-1")));
        bot.expect(Message.class, m -> m.id().equals("d-2"));
        bot.sync(); // its ack went out before this ping, so the hub processed it before the pong
        hub.close();

        hub.start();
        WireClient again = connect(botToken);

        again.sync();
        assertThat(again.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void a_durable_message_not_acknowledged_before_a_crash_comes_again() {
        hub.start();
        String botToken = hub.token("eu-1", "music-bot");
        WireClient bot = connect(botToken).autoAck(false);
        WireClient desktop = connect(hub.token("alice", "desktop", "send:music-bot"));
        desktop.sendNumbered(durable("d-3", Address.service("music-bot", "eu-1")));
        bot.expect(Message.class, m -> m.id().equals("d-3"));
        hub.close();

        hub.start();
        WireClient again = connect(botToken);

        assertThat(again.expect(Message.class).id()).isEqualTo("d-3");
    }

    @Test
    void a_durable_message_to_an_announced_service_waits_for_its_next_announce() {
        hub.start();
        String agentToken = hub.token("ams-3-agent", "node-agent", "announce:audio-node");
        WireClient agent = connect(agentToken);
        ServiceDescriptor node = new ServiceDescriptor("audio-node", "ams-3", null, null, null, null);
        long announced = agent.sendNumbered(new Announce(0, "a-1", node));
        agent.expectAck(announced);
        agent.close();
        WireClient bot = connect(hub.token("eu-1", "music-bot", "send:audio-node"));
        long seq = bot.sendNumbered(durable("d-4", Address.service("audio-node", "ams-3")));
        bot.expectAck(seq);

        WireClient back = connect(agentToken);
        back.sendNumbered(new Announce(0, "a-2", node));

        assertThat(back.expect(Message.class).id()).isEqualTo("d-4");
    }

    @Test
    void a_graceful_stop_says_goodbye_with_a_delay_within_the_spread() {
        hub.start(Map.of("sessions.reconnectSpread", "3s"));
        WireClient bot = connect(hub.token("eu-1", "music-bot"));

        hub.close();

        Goodbye goodbye = bot.expect(Goodbye.class);
        assertThat(goodbye.reconnectMs()).isBetween(0L, 3000L);
        assertThat(bot.awaitClose()).isEqualTo(1001);
    }

    @Test
    void hellos_over_the_rate_are_told_to_come_back_later() {
        hub.start(Map.of("sessions.hellosPerSecond", "1", "sessions.helloBurst", "2"));
        String token = hub.token("eu-1", "music-bot");
        connect(hub.token("a", "desktop"));
        connect(hub.token("b", "desktop"));

        WireClient third = WireClient.connect(hub.port());
        hub.trackAcrossRestarts(third);
        third.sendFrame(new Hello(token, null, null, null, 1, "test"));

        Goodbye goodbye = third.expect(Goodbye.class);
        assertThat(goodbye.reason()).isEqualTo("busy");
        assertThat(goodbye.reconnectMs()).isPositive();
        assertThat(third.awaitClose()).isEqualTo(4029);
    }

    @Test
    void a_registry_subscriber_first_gets_what_is_already_there() {
        hub.start();
        WireClient agent = connect(hub.token("ams-3-agent", "node-agent", "announce:audio-node"));
        long announced = agent.sendNumbered(new Announce(0, "a-1",
                new ServiceDescriptor("audio-node", "ams-3", null, null, null, null)));
        agent.expectAck(announced);
        WireClient bot = connect(hub.token("eu-1", "music-bot", "registry"));

        bot.sendNumbered(new Subscribe(0, "s-1", RegistryEvent.TOPIC));

        Message snapshot = bot.expect(Message.class);
        assertThat(snapshot.subject()).isEqualTo(RegistrySnapshot.SUBJECT);
        RegistrySnapshot registry = FrameCodec.DEFAULT.fromTree(snapshot.body(), RegistrySnapshot.class);
        assertThat(registry.entries()).extracting(e -> e.id().toString()).containsExactly("audio-node/ams-3");
    }
}
