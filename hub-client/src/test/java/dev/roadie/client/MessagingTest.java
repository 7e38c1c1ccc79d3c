package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.client.testing.RawClient;
import dev.roadie.model.wire.Message;
import dev.roadie.client.testing.RecordingListener;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.ReplyStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagingTest {
    private static final Duration WAIT = Clients.WAIT;

    record Note(String text, int n) {
    }

    @TempDir
    Path data;
    LiveHub hub;
    Clients clients;

    @BeforeEach
    void start() {
        hub = LiveHub.start(data);
        clients = new Clients();
    }

    @AfterEach
    void stop() {
        clients.close();
        hub.close();
    }

    private static <T> T within(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void connects_with_hello_and_reports_the_welcome() {
        RecordingListener listener = new RecordingListener();
        RoadieClient client = clients.connect(hub, "alice-laptop", "desktop", b -> b.listener(listener),
                "subscribe:player.*");

        SessionInfo session = client.session().orElseThrow();
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(session.identity()).isEqualTo(new ServiceId("desktop", "alice-laptop"));
        assertThat(session.epoch()).isEqualTo(hub.epoch());
        assertThat(session.scopes()).containsExactly("subscribe:player.*");
        assertThat(session.resumed()).isFalse();
        assertThat(session.hub()).isEqualTo(hub.uri());
        await().atMost(WAIT).until(() -> listener.connected.size() == 1);
        assertThat(listener.events).contains("CONNECTING -> CONNECTED");
        // Unless told otherwise, the first client turns the JVM's DNS cache off: a home hub's address changes.
        assertThat(java.security.Security.getProperty("networkaddress.cache.ttl")).isEqualTo("0");
    }

    @Test
    void a_send_completes_when_the_hub_acknowledged_it_and_the_subscriber_gets_it() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "publish:player.*");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "subscribe:player.*");
        BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();
        within(desktop.subscribe("player.123", received::add).ready());

        within(bot.send(Address.topic("player.123"), "player.note", new Note("hello", 1)));

        IncomingMessage message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.from()).isEqualTo(new ServiceId("music-bot", "eu-1"));
        assertThat(message.to()).isEqualTo(Address.topic("player.123"));
        assertThat(message.subject()).isEqualTo("player.note");
        assertThat(message.as(Note.class)).isEqualTo(new Note("hello", 1));
    }

    @Test
    void a_refused_send_fails_its_future_with_the_error_code() {
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "subscribe:player.*");

        CompletableFuture<Void> sent = desktop.send(Address.topic("player.123"), "player.note", "hi");

        assertThatThrownBy(() -> within(sent)).cause().isInstanceOf(RoadieException.class)
                .satisfies(e -> assertThat(((RoadieException) e).code()).isEqualTo(ErrorCode.FORBIDDEN))
                .hasMessageContaining("publish:player.123");
    }

    @Test
    void unsubscribed_topics_stop_delivering() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "publish:*");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "subscribe:*");
        List<String> news = new CopyOnWriteArrayList<>();
        BlockingQueue<String> control = new LinkedBlockingQueue<>();
        Subscription subscription = desktop.subscribe("news", m -> news.add(m.as(String.class)));
        within(subscription.ready());
        within(desktop.subscribe("control", m -> control.add(m.as(String.class))).ready());
        within(bot.send(Address.topic("news"), "n", "first"));
        await().atMost(WAIT).until(() -> news.contains("first"));

        subscription.close();
        await().atMost(WAIT).until(() -> !hub.hasSubscriber("news"));
        within(bot.send(Address.topic("news"), "n", "second"));
        within(bot.send(Address.topic("control"), "c", "marker"));

        // One sender to one receiver keeps its order: had "second" been delivered, it came before the marker.
        assertThat(control.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("marker");
        assertThat(news).containsExactly("first");
    }

    @Test
    void requests_and_replies_work_in_both_directions() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "send:*");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "send:*");
        bot.handle("echo", request -> "bot heard " + request.as(String.class));
        desktop.handle("echo", request -> new Note("desktop heard " + request.as(String.class), 2));

        Reply fromBot = within(desktop.request(Address.oneOf("music-bot"), "echo", "skip"));
        Reply fromDesktop = bot.requestBlocking(Address.service("desktop", "alice"), "echo", "pause");

        assertThat(fromBot.status()).isEqualTo(ReplyStatus.OK);
        assertThat(fromBot.from()).isEqualTo(new ServiceId("music-bot", "eu-1"));
        assertThat(fromBot.as(String.class)).isEqualTo("bot heard skip");
        assertThat(fromDesktop.as(Note.class)).isEqualTo(new Note("desktop heard pause", 2));
    }

    @Test
    void a_handler_that_throws_request_failed_answers_with_an_error_reply() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "send:*");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "send:*");
        bot.handle("player.command", request -> {
            throw new RequestFailedException("queue-full", "the queue is full");
        });

        Reply reply = within(desktop.request(Address.oneOf("music-bot"), "player.command", Map.of("command", "add")));

        assertThat(reply.status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(reply.error().code()).isEqualTo("queue-full");
        assertThat(reply.error().message()).isEqualTo("the queue is full");
        assertThatThrownBy(reply::orThrow).isInstanceOf(RequestFailedException.class)
                .satisfies(e -> assertThat(((RequestFailedException) e).code()).isEqualTo("queue-full"));
    }

    @Test
    void a_request_for_an_unhandled_subject_is_answered_no_handler() throws Exception {
        clients.connect(hub, "eu-1", "music-bot");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "send:*");

        Reply reply = within(desktop.request(Address.oneOf("music-bot"), "nobody.handles.this", null));

        assertThat(reply.status()).isEqualTo(ReplyStatus.NO_HANDLER);
        assertThat(reply.error().message()).contains("music-bot/eu-1").contains("nobody.handles.this");
    }

    @Test
    void a_request_to_nobody_is_answered_no_route() throws Exception {
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "send:*");

        Reply reply = within(desktop.request(Address.oneOf("music-bot"), "player.command", null));

        assertThat(reply.status()).isEqualTo(ReplyStatus.NO_ROUTE);
    }

    @Test
    void a_request_to_many_receivers_is_refused_at_once() {
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "send:*");

        assertThatThrownBy(() -> desktop.request(Address.everyOf("music-bot"), "x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use gather");
    }

    @Test
    void direct_messages_reach_the_handler_of_their_subject() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "send:*");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop");
        BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();
        desktop.receive("toast", received::add);

        within(bot.send(Address.service("desktop", "alice"), "toast", "now playing"));

        assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS).as(String.class)).isEqualTo("now playing");
    }

    @Test
    void a_blocking_request_inside_a_handler_does_not_deadlock() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "send:*");
        RoadieClient node = clients.connect(hub, "ams-1", "audio-node");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "send:*");
        node.handle("load", request -> "loaded");
        bot.handle("play", request -> {
            // Waits on the bot's own event thread, which also completes futures: must not hang.
            String loaded = bot.requestBlocking(Address.oneOf("audio-node"), "load", null).as(String.class);
            bot.send(Address.service("audio-node", "ams-1"), "noted", "x").get(5, TimeUnit.SECONDS);
            return "playing after " + loaded;
        });

        Reply reply = within(desktop.request(Address.oneOf("music-bot"), "play", null));

        assertThat(reply.as(String.class)).isEqualTo("playing after loaded");
    }

    @Test
    void callbacks_of_returned_futures_run_on_the_event_thread() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RoadieClient node = clients.connect(hub, "ams-1", "audio-node");
        node.handle("slow", request -> {
            release.await();
            return "done";
        });
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "send:audio-node");
        CompletableFuture<String> thread = new CompletableFuture<>();

        // Attached while the reply cannot have come yet (CompletableFuture runs callbacks attached
        // to a completed future on the attaching thread, whatever the SDK does).
        bot.request(Address.service("audio-node", "ams-1"), "slow", null)
                .thenRun(() -> thread.complete(Thread.currentThread().getName()));
        release.countDown();

        assertThat(within(thread)).isEqualTo("roadie-client-eu-1-events");
    }

    @Test
    void a_frame_over_the_hubs_size_limit_fails_without_being_sent() throws Exception {
        hub.close();
        hub = LiveHub.start(data.resolve("small"), Map.of("limits.maxFrameBytes", "2048"));
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "publish:*");

        CompletableFuture<Void> big = bot.send(Address.topic("news"), "n", "é".repeat(1500));

        assertThatThrownBy(() -> within(big)).cause().isInstanceOf(RoadieException.class)
                .satisfies(e -> assertThat(((RoadieException) e).code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessageContaining("over the hub's limit of 2048 bytes");
        within(bot.send(Address.topic("news"), "n", "small"));
        assertThat(bot.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void a_message_seen_before_from_the_same_sender_is_dropped() throws Exception {
        RoadieClient desktop = clients.connect(hub, "alice", "desktop");
        List<String> received = new CopyOnWriteArrayList<>();
        desktop.receive("note", m -> received.add(m.as(String.class)));

        try (RawClient bot = RawClient.welcomed(hub, hub.token("eu-1", "music-bot", "send:*"))) {
            Address alice = Address.service("desktop", "alice");
            // A sender resending after a reconnect: same id, new number.
            bot.send(new Message(1, "m-1", null, alice, "note", FrameCodec.DEFAULT.toTree("once"), false));
            bot.send(new Message(2, "m-1", null, alice, "note", FrameCodec.DEFAULT.toTree("once"), false));
            bot.send(new Message(3, "m-2", null, alice, "note", FrameCodec.DEFAULT.toTree("marker"), false));

            await().atMost(WAIT).until(() -> received.contains("marker"));
        }
        assertThat(received).containsExactly("once", "marker");
    }

    @Test
    void the_client_acknowledges_what_it_receives_promptly() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "send:*");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop");
        List<String> received = new CopyOnWriteArrayList<>();
        desktop.receive("n", m -> received.add(m.as(String.class)));

        List<CompletableFuture<Void>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            sent.add(bot.send(Address.service("desktop", "alice"), "n", "item " + i));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> received.size() == 150);
        // Batched acks (every 64 frames, or within 50 ms) leave nothing unacknowledged on the hub.
        await().atMost(Duration.ofSeconds(2)).until(() -> hub.unacked(new ServiceId("desktop", "alice")) == 0);
    }
}
