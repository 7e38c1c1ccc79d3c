package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.client.testing.RecordingListener;
import dev.roadie.client.testing.TcpProxy;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What needs the hub's side of the protocol additions: resumed sessions with replay, goodbye,
 * durable messages and the registry snapshot.
 */
class ResumeTest {

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

    @Test
    void messages_sent_while_a_link_is_frozen_arrive_exactly_once_after_the_session_resumes() throws Exception {
        try (TcpProxy proxy = new TcpProxy(hub.port())) {
            RecordingListener events = new RecordingListener();
            RoadieClient desktop = clients.create(Clients.base(hub.token("alice", "desktop", "send:*"))
                    .hub(proxy.uri()).clientName("alice").heartbeatInterval(Duration.ofMillis(300))
                    .heartbeatTolerance(2).listener(events).build());
            desktop.awaitConnected(Clients.WAIT);
            List<String> toDesktop = new CopyOnWriteArrayList<>();
            desktop.receive("item", m -> toDesktop.add(m.as(String.class)));
            RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "send:*");
            List<String> toBot = new CopyOnWriteArrayList<>();
            bot.receive("item", m -> toBot.add(m.as(String.class)));

            proxy.freeze();
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(bot.send(Address.service("desktop", "alice"), "item", "to desktop " + i));
                sent.add(desktop.send(Address.service("music-bot", "eu-1"), "item", "to bot " + i));
            }

            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            await().atMost(Clients.WAIT).until(() -> toDesktop.size() >= 20 && toBot.size() >= 20);
            assertThat(events.disconnected).extracting(DisconnectReason::cause).contains(DisconnectCause.DEAD_LINK);
            assertThat(events.resumed).hasSize(1);
            assertThat(toDesktop).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "to desktop " + i)
                    .toList());
            assertThat(toBot).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "to bot " + i).toList());
        }
    }

    @Test
    void a_hub_that_stops_says_goodbye_and_the_client_comes_back_after_the_restart() {
        RecordingListener events = new RecordingListener();
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", b -> b.listener(events));

        hub.close();
        await().atMost(Clients.WAIT).until(() -> !events.disconnected.isEmpty());
        hub = hub.restart();

        assertThat(events.disconnected.get(0).cause()).isEqualTo(DisconnectCause.GOODBYE);
        desktop.awaitConnected(Clients.WAIT);
        await().atMost(Clients.WAIT).until(() -> events.restarts.size() == 1);
    }

    @Test
    void a_durable_message_waits_for_its_receiver_across_a_restart_and_arrives_once() throws Exception {
        String token = hub.token("alice", "desktop");
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "send:*");
        bot.sendDurable(Address.service("desktop", "alice"), "note", "kept for you").get(15, TimeUnit.SECONDS);

        hub.close();
        hub = hub.restart();
        RoadieClient desktop = clients.create(Clients.options(hub, token).clientName("alice").build());
        List<String> notes = new CopyOnWriteArrayList<>();
        desktop.receive("note", m -> notes.add(m.as(String.class)));
        await().atMost(Clients.WAIT).until(() -> notes.contains("kept for you"));

        hub.close();
        hub = hub.restart();
        desktop.awaitConnected(Clients.WAIT);
        bot.awaitConnected(Clients.WAIT);
        bot.sendDurable(Address.service("desktop", "alice"), "note", "marker").get(15, TimeUnit.SECONDS);
        await().atMost(Clients.WAIT).until(() -> notes.contains("marker"));

        assertThat(notes).containsExactly("kept for you", "marker");
    }

    @Test
    void subscribing_to_the_registry_starts_with_what_it_holds() throws Exception {
        RoadieClient agent = clients.connect(hub, "ams-1", "node-agent", "announce:audio-node");
        agent.announce(new ServiceDescriptor("audio-node", "ams-1", "http://ams-1:2333", null, null, null))
                .get(15, TimeUnit.SECONDS);

        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "registry");
        NodeDirectory directory = bot.nodeDirectory();

        await().atMost(Clients.WAIT).until(() -> directory.node(new ServiceId("audio-node", "ams-1")).isPresent());
        assertThat(directory.usable()).hasSize(1);
    }
}
