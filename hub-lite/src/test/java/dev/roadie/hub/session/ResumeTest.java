package dev.roadie.hub.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.Subscribe;
import dev.roadie.model.wire.Welcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResumeTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();

    void start(Map<String, String> settings) {
        Map<String, String> withWindow = new java.util.HashMap<>(Map.of("sessions.resumeWindow", "1m"));
        withWindow.putAll(settings);
        hub.start(withWindow);
    }

    WireClient connect(String token, Hello.Resume resume) {
        WireClient client = WireClient.connect(hub.port());
        hub.track(client);
        client.hello(new Hello(token, null, null, resume, 1, "resume-test"));
        return client;
    }

    static Message message(String id, Address to) {
        return new Message(0, id, null, to, "test", null, false);
    }

    @Test
    void a_lost_link_is_resumed_with_everything_sent_meanwhile_in_order() {
        start(Map.of());
        String botToken = hub.token("eu-1", "music-bot", "subscribe:*");
        WireClient bot = connect(botToken, null);
        Welcome first = bot.welcome();
        long subscribed = bot.sendNumbered(new Subscribe(0, "s-1", "player.1"));
        bot.expectAck(subscribed);
        WireClient desktop = connect(hub.token("alice", "desktop", "send:music-bot", "publish:player.*"), null);
        desktop.sendNumbered(message("before", Address.service("music-bot", "eu-1")));
        bot.expect(Message.class, m -> m.id().equals("before"));
        long lastSeq = bot.lastReceivedSeq();

        bot.drop();
        for (int i = 0; i < 5; i++) {
            desktop.sendNumbered(message("while-away-" + i, i % 2 == 0
                    ? Address.service("music-bot", "eu-1") : Address.topic("player.1")));
        }
        desktop.expectAck(6);
        WireClient back = connect(botToken, new Hello.Resume(first.session(), lastSeq));

        Welcome welcome = back.welcome();
        assertThat(welcome.resumed()).isTrue();
        assertThat(welcome.session()).isEqualTo(first.session());
        assertThat(welcome.lastSeq()).isEqualTo(subscribed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Message got = back.expect(Message.class);
            assertThat(got.seq()).isGreaterThan(lastSeq);
            ids.add(got.id());
        }
        assertThat(ids).containsExactly("while-away-0", "while-away-1", "while-away-2", "while-away-3",
                "while-away-4");
        back.sync();
        assertThat(back.received()).noneMatch(f -> f instanceof Message m && m.id().equals("before"));
    }

    @Test
    void what_the_client_acknowledged_is_not_replayed() {
        start(Map.of());
        String botToken = hub.token("eu-1", "music-bot");
        WireClient bot = connect(botToken, null);
        Welcome first = bot.welcome();
        WireClient desktop = connect(hub.token("alice", "desktop", "send:music-bot"), null);
        bot.autoAck(false);
        desktop.sendNumbered(message("one", Address.service("music-bot", "eu-1")));
        desktop.sendNumbered(message("two", Address.service("music-bot", "eu-1")));
        Message one = bot.expect(Message.class, m -> m.id().equals("one"));
        bot.expect(Message.class, m -> m.id().equals("two"));

        bot.drop();
        WireClient back = connect(botToken, new Hello.Resume(first.session(), one.seq()));

        assertThat(back.expect(Message.class).id()).isEqualTo("two");
    }

    @Test
    void a_request_to_a_session_that_never_comes_back_ends_as_gone_after_the_window() {
        start(Map.of("sessions.resumeWindow", "300ms"));
        WireClient bot = connect(hub.token("eu-1", "music-bot"), null);
        WireClient desktop = connect(hub.token("alice", "desktop", "send:music-bot"), null);
        desktop.sendNumbered(new Request(0, "r-1", null, Address.service("music-bot", "eu-1"), "x", null, 60_000));
        bot.expect(Request.class);

        bot.drop();

        Reply reply = desktop.expect(Reply.class);
        assertThat(reply.status()).isEqualTo(ReplyStatus.GONE);
    }

    @Test
    void a_request_is_answered_by_a_receiver_that_resumed() {
        start(Map.of());
        String botToken = hub.token("eu-1", "music-bot");
        WireClient bot = connect(botToken, null);
        Welcome first = bot.welcome();
        long seen = bot.lastReceivedSeq();
        bot.drop();
        WireClient desktop = connect(hub.token("alice", "desktop", "send:music-bot"), null);
        desktop.sendNumbered(new Request(0, "r-2", null, Address.service("music-bot", "eu-1"), "x", null, 60_000));
        desktop.sync();

        WireClient back = connect(botToken, new Hello.Resume(first.session(), seen));
        Request asked = back.expect(Request.class);
        back.sendNumbered(Reply.ok(asked.id(), null));

        Reply reply = desktop.expect(Reply.class);
        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.re()).isEqualTo("r-2");
    }

    @Test
    void an_expired_session_is_not_resumed_and_a_new_one_starts() {
        start(Map.of("sessions.resumeWindow", "100ms"));
        String botToken = hub.token("eu-1", "music-bot");
        WireClient bot = connect(botToken, null);
        Welcome first = bot.welcome();
        bot.drop();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.hub().context().sessions().byId(first.session()).isEmpty());

        WireClient back = connect(botToken, new Hello.Resume(first.session(), 5));

        Welcome welcome = back.welcome();
        assertThat(welcome.resumed()).isFalse();
        assertThat(welcome.session()).isNotEqualTo(first.session());
        assertThat(welcome.lastSeq()).isZero();
    }

    @Test
    void another_token_cannot_resume_a_session() {
        start(Map.of());
        WireClient bot = connect(hub.token("eu-1", "music-bot"), null);
        Welcome first = bot.welcome();
        bot.drop();

        WireClient thief = connect(hub.token("eu-1", "music-bot"), new Hello.Resume(first.session(), 0));

        Welcome welcome = thief.welcome();
        assertThat(welcome.resumed()).isFalse();
        assertThat(welcome.session()).isNotEqualTo(first.session());
    }

    @Test
    void a_link_found_dead_by_the_heartbeat_leaves_a_session_that_can_be_resumed() {
        start(Map.of("heartbeat.interval", "50ms", "heartbeat.tolerance", "2"));
        String botToken = hub.token("eu-1", "music-bot");
        WireClient bot = connect(botToken, null);
        Welcome first = bot.welcome();

        bot.autoPong(false);

        assertThat(bot.awaitClose()).isEqualTo(4004);
        WireClient back = connect(botToken, new Hello.Resume(first.session(), bot.lastReceivedSeq()));
        assertThat(back.welcome().resumed()).isTrue();
    }

    @Test
    void a_client_that_closes_normally_ends_its_session() {
        start(Map.of());
        String botToken = hub.token("eu-1", "music-bot");
        WireClient bot = connect(botToken, null);
        Welcome first = bot.welcome();

        bot.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.hub().context().sessions().byId(first.session()).isEmpty());
    }
}
