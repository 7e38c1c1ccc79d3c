package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.client.testing.RecordingListener;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconnectTest {

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
        if (hub != null) {
            hub.close();
        }
    }

    /** A resolver that counts its calls and can pretend the network is gone. */
    static final class SwitchableResolver implements HostResolver {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean offline = new AtomicBoolean();
        final Map<String, List<InetAddress>> names;

        SwitchableResolver(Map<String, List<InetAddress>> names) {
            this.names = names;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            calls.incrementAndGet();
            if (offline.get() || !names.containsKey(host)) {
                throw new UnknownHostException(host + ": no such host (test)");
            }
            return names.get(host);
        }
    }

    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static InetAddress ip(String text) throws UnknownHostException {
        return InetAddress.getByName(text);
    }

    @Test
    void frames_sent_while_disconnected_wait_in_the_outbox_and_go_out_after_reconnect() throws Exception {
        RoadieClient listener = clients.connect(hub, "alice", "desktop", "subscribe:*");
        List<String> received = new CopyOnWriteArrayList<>();
        listener.subscribe("news", m -> received.add(m.as(String.class))).ready().get(15, TimeUnit.SECONDS);
        SwitchableResolver resolver = new SwitchableResolver(Map.of("hub.roadie.test", List.of(ip("127.0.0.1"))));
        RoadieClient sender = clients.create(Clients.base(hub.token("eu-1", "music-bot", "publish:*"))
                .clientName("eu-1").hub(URI.create("ws://hub.roadie.test:" + hub.port() + "/ws"))
                .hostResolver(resolver).build());
        sender.awaitConnected(Clients.WAIT);

        resolver.offline.set(true);
        hub.dropSession(new ServiceId("music-bot", "eu-1"));
        await().atMost(Clients.WAIT).until(() -> sender.state() != ConnectionState.CONNECTED);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(sender.send(Address.topic("news"), "n", "item " + i));
        }
        int callsWhileOffline = resolver.calls.get();
        await().atMost(Clients.WAIT).until(() -> resolver.calls.get() >= callsWhileOffline + 2);
        assertThat(sent).noneMatch(CompletableFuture::isDone);

        resolver.offline.set(false);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);

        await().atMost(Clients.WAIT).until(() -> received.size() >= 5);
        assertThat(received).containsExactly("item 0", "item 1", "item 2", "item 3", "item 4");
    }

    @Test
    void a_full_outbox_refuses_a_send_at_once() throws Exception {
        RoadieClient client = clients.create(Clients.base(hub.token("eu-1", "music-bot", "publish:*"))
                .hub("ws://127.0.0.1:" + deadPort() + "/ws").outboxLimit(3, 1 << 20).build());

        for (int i = 0; i < 3; i++) {
            client.send(Address.topic("news"), "n", i);
        }

        assertThatThrownBy(() -> client.send(Address.topic("news"), "n", 3)).isInstanceOf(OutboxFullException.class)
                .hasMessageContaining("3 frames").hasMessageContaining("outbox limit");
    }

    @Test
    void the_outbox_byte_limit_refuses_a_send_that_would_exceed_it() throws Exception {
        RoadieClient client = clients.create(Clients.base(hub.token("eu-1", "music-bot", "publish:*"))
                .hub("ws://127.0.0.1:" + deadPort() + "/ws").outboxLimit(1000, 4096).build());
        client.send(Address.topic("news"), "n", "x".repeat(3000));

        assertThatThrownBy(() -> client.send(Address.topic("news"), "n", "y".repeat(3000)))
                .isInstanceOf(OutboxFullException.class).hasMessageContaining("4096 bytes");
    }

    @Test
    void a_failed_attempt_is_reported_at_once_with_what_the_socket_said() throws Exception {
        List<DisconnectReason> failures = new CopyOnWriteArrayList<>();
        clients.create(Clients.base(hub.token("eu-1", "music-bot")).hub("ws://127.0.0.1:" + deadPort() + "/ws")
                .listener(new ConnectionListener() {
                    @Override
                    public void attemptFailed(DisconnectReason reason) {
                        failures.add(reason);
                    }
                }).build());

        await().atMost(Clients.WAIT).until(() -> failures.size() >= 2);

        assertThat(failures.getFirst().cause()).isEqualTo(DisconnectCause.CONNECT_FAILED);
        assertThat(failures.getFirst().message()).startsWith("connection refused (ws://127.0.0.1:");
    }

    @Test
    void max_failed_attempts_gives_up_and_fails_what_waits_with_the_reason() throws Exception {
        RecordingListener listener = new RecordingListener();
        RoadieClient client = clients.create(Clients.base(hub.token("eu-1", "music-bot", "publish:*"))
                .hub("ws://127.0.0.1:" + deadPort() + "/ws").maxFailedAttempts(1).listener(listener).build());
        // A refused connect on this machine can fail the client before send is called: then send
        // throws the same reason at once instead of returning a future that fails with it.
        CompletableFuture<Void> sent;
        try {
            sent = client.send(Address.topic("news"), "n", 1);
        } catch (RoadieException alreadyFailed) {
            sent = CompletableFuture.failedFuture(alreadyFailed);
        }

        await().atMost(Clients.WAIT).until(() -> client.state() == ConnectionState.FAILED);

        assertThat(sent).failsWithin(Clients.WAIT).withThrowableThat()
                .withMessageContaining("could not reach the hub: connection refused");
        assertThat(listener.reconnecting).isEmpty();
        assertThat(listener.disconnected).singleElement()
                .satisfies(reason -> assertThat(reason.cause()).isEqualTo(DisconnectCause.CONNECT_FAILED));
    }

    @Test
    void every_attempt_resolves_the_host_again() throws Exception {
        SwitchableResolver resolver = new SwitchableResolver(Map.of("hub.roadie.test", List.of(ip("127.0.0.1"))));
        RecordingListener listener = new RecordingListener();
        clients.create(Clients.base(hub.token("eu-1", "music-bot"))
                .hub("ws://hub.roadie.test:" + deadPort() + "/ws").hostResolver(resolver).listener(listener).build());

        await().atMost(Clients.WAIT).until(() -> resolver.calls.get() >= 4);

        // One lookup per attempt: attempts and lookups go together, with a reconnect delay between them.
        assertThat(listener.reconnecting.size()).isBetween(resolver.calls.get() - 1, resolver.calls.get());
    }

    @Test
    void every_address_of_a_name_is_tried_in_turn() throws Exception {
        SwitchableResolver resolver = new SwitchableResolver(Map.of("hub.roadie.test",
                List.of(ip("::1"), ip("127.0.0.2"), ip("127.0.0.1"))));
        RecordingListener listener = new RecordingListener();
        RoadieClient client = clients.create(Clients.base(hub.token("eu-1", "music-bot"))
                .hub("ws://hub.roadie.test:" + hub.port() + "/ws").hostResolver(resolver).listener(listener).build());

        client.awaitConnected(Clients.WAIT);

        assertThat(client.session().orElseThrow().address()).isEqualTo(ip("127.0.0.1"));
        assertThat(client.session().orElseThrow().hub().getHost()).isEqualTo("hub.roadie.test");
        assertThat(listener.addresses).startsWith("hub.roadie.test=0:0:0:0:0:0:0:1", "hub.roadie.test=127.0.0.2",
                "hub.roadie.test=127.0.0.1");
        assertThat(resolver.calls.get()).isEqualTo(1);
    }

    @Test
    void the_next_hub_uri_is_tried_when_the_first_is_unreachable() throws Exception {
        SwitchableResolver resolver = new SwitchableResolver(Map.of("dead.roadie.test", List.of(ip("127.0.0.1")),
                "live.roadie.test", List.of(ip("127.0.0.1"))));
        RoadieClient client = clients.create(Clients.base(hub.token("eu-1", "music-bot"))
                .hub("ws://gone.roadie.test:" + hub.port() + "/ws")
                .hub("ws://dead.roadie.test:" + deadPort() + "/ws")
                .hub("ws://live.roadie.test:" + hub.port() + "/ws")
                .hostResolver(resolver).build());

        client.awaitConnected(Clients.WAIT);

        assertThat(client.session().orElseThrow().hub().getHost()).isEqualTo("live.roadie.test");
    }

    @Test
    void after_a_hub_restart_the_client_subscribes_and_announces_again_by_itself() throws Exception {
        RecordingListener events = new RecordingListener();
        RoadieClient agent = clients.connect(hub, "ams-1", "node-agent", b -> b.listener(events),
                "subscribe:*", "announce:audio-node");
        List<String> received = new CopyOnWriteArrayList<>();
        agent.subscribe("news", m -> received.add(m.as(String.class))).ready().get(15, TimeUnit.SECONDS);
        ServiceId node = new ServiceId("audio-node", "ams-1");
        agent.announce(new ServiceDescriptor("audio-node", "ams-1", null, null, null, null)).get(15, TimeUnit.SECONDS);
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "publish:*");
        String oldEpoch = hub.epoch();

        hub.close();
        LiveHub restarted = hub.restart();
        hub = restarted;

        await().atMost(Clients.WAIT).until(() -> events.restarts.size() == 1);
        assertThat(events.restarts).containsExactly(oldEpoch + "->" + restarted.epoch());
        await().atMost(Clients.WAIT).until(() -> restarted.hasSubscriber("news") && restarted.serves(node));
        bot.awaitConnected(Clients.WAIT);
        bot.send(Address.topic("news"), "n", "after the restart").get(15, TimeUnit.SECONDS);
        await().atMost(Clients.WAIT).until(() -> received.contains("after the restart"));
        assertThat(events.disconnected).first().extracting(DisconnectReason::cause)
                .isIn(DisconnectCause.CLOSED_BY_HUB, DisconnectCause.GOODBYE);
        assertThat(agent.session().orElseThrow().epoch()).isEqualTo(restarted.epoch());
    }

    @Test
    void a_revoked_token_stops_the_client_and_says_why() throws Exception {
        RecordingListener events = new RecordingListener();
        ClientOptions options = Clients.options(hub, "rd_unknown_token").listener(events).build();
        RoadieClient client = clients.create(options);

        await().atMost(Clients.WAIT).until(() -> client.state() == ConnectionState.FAILED);

        assertThatThrownBy(() -> client.awaitConnected(java.time.Duration.ofSeconds(1)))
                .isInstanceOf(RoadieException.class).hasMessageContaining("unauthorized");
        assertThatThrownBy(() -> client.send(Address.topic("news"), "n", 1)).isInstanceOf(RoadieException.class);
        await().atMost(Clients.WAIT).until(() -> events.disconnected.size() == 1);
        assertThat(events.disconnected.get(0).cause()).isEqualTo(DisconnectCause.REFUSED);
        assertThat(events.disconnected.get(0).closeCode()).isEqualTo(4003);
    }

    @Test
    void a_reconnect_policy_that_throws_does_not_stop_the_client() throws Exception {
        RecordingListener events = new RecordingListener();
        RoadieClient client = clients.create(Clients.options(hub, hub.token("eu-1", "music-bot")).clientName("eu-1")
                .listener(events).reconnectPolicy(attempt -> {
                    throw new IllegalStateException("broken policy");
                }).build());
        client.awaitConnected(Clients.WAIT);

        hub.dropSession(new ServiceId("music-bot", "eu-1"));

        await().atMost(Clients.WAIT).until(() -> events.disconnected.size() == 1
                && client.state() == ConnectionState.CONNECTED);
    }

    @Test
    void a_request_delivered_before_a_hub_restart_ends_as_connection_lost() throws Exception {
        java.util.concurrent.CountDownLatch handling = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot");
        bot.handle("slow", request -> {
            handling.countDown();
            release.await(30, TimeUnit.SECONDS);
            return "too late";
        });
        try (dev.roadie.client.testing.TcpProxy proxy = new dev.roadie.client.testing.TcpProxy(hub.port())) {
            RoadieClient desktop = clients.create(Clients.base(hub.token("alice", "desktop", "send:*", "publish:*"))
                    .hub(proxy.uri()).clientName("alice").heartbeatInterval(java.time.Duration.ofMillis(300))
                    .build());
            desktop.awaitConnected(Clients.WAIT);
            CompletableFuture<Reply> pending = desktop.request(Address.oneOf("music-bot"), "slow", null,
                    java.time.Duration.ofSeconds(60));
            assertThat(handling.await(15, TimeUnit.SECONDS)).isTrue();
            // Acks are cumulative and in order: once this send is confirmed, so is the request.
            desktop.send(Address.topic("news"), "n", "after the request").get(15, TimeUnit.SECONDS);

            // The requester's link dies first, so that the hub's own answer (gone, as the hub stops) is lost with it.
            proxy.freeze();
            hub.close();
            hub = hub.restart();

            Reply reply = pending.get(15, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(dev.roadie.model.wire.ReplyStatus.GONE);
            assertThat(reply.error().code()).isEqualTo(Reply.CONNECTION_LOST);
            assertThat(reply.error().message()).contains("send it again if it is safe to repeat");
        } finally {
            release.countDown();
        }
    }
}
