package dev.roadie.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.Reply;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.RecordingListener;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The hub process is killed outright (SIGKILL: no goodbye, nothing flushed) and started again on
 * the same port and data folder. Clients come back by themselves, announce and subscribe again,
 * durable messages sent before the crash arrive, and nothing reaches an application twice.
 */
class HubRestartIT {
    static final Duration BACK_BOUND = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void after_a_crash_clients_restore_themselves_and_durable_messages_arrive_once() throws Exception {
        try (HubProcess hub = HubProcess.start(dir.resolve("data"), "127.0.0.1", Map.of(
                "heartbeat.interval", "500ms", "heartbeat.tolerance", "2"));
                Clients clients = new Clients()) {
            String latecomerToken = hub.token("eu-2", "music-bot");
            RecordingListener botEvents = new RecordingListener();
            RoadieClient bot = clients.create(SilentDeathIT.options(hub.token("eu-1", "music-bot"))
                    .hub(hub.uri()).listener(botEvents).clientName("bot").build());
            List<String> botGot = new CopyOnWriteArrayList<>();
            bot.receive("queue", message -> botGot.add(message.id() + ":" + message.body().get("n").asInt()));
            bot.awaitConnected(Clients.WAIT);

            RoadieClient agent = clients.create(SilentDeathIT.options(hub.token("ams-1-agent", "node-agent"))
                    .hub(hub.uri()).clientName("agent").build());
            agent.handle("ping", request -> Map.of("pong", true));
            agent.awaitConnected(Clients.WAIT);
            agent.announce(new ServiceDescriptor("audio-node", "ams-1", "http://ams-1:2333", null, null, null))
                    .get(30, TimeUnit.SECONDS);

            RecordingListener listenerEvents = new RecordingListener();
            RoadieClient listener = clients.create(SilentDeathIT.options(hub.token("carol", "desktop"))
                    .hub(hub.uri()).listener(listenerEvents).clientName("listener").build());
            List<Integer> heard = new CopyOnWriteArrayList<>();
            listener.subscribe("player.1", message -> heard.add(message.body().get("n").asInt()));
            listener.awaitConnected(Clients.WAIT);

            RoadieClient alice = clients.create(SilentDeathIT.options(hub.token("alice", "desktop",
                    "send:music-bot", "send:audio-node", "publish:player.*")).hub(hub.uri()).clientName("alice").build());
            alice.awaitConnected(Clients.WAIT);
            alice.sendDurable(Address.service("music-bot", "eu-1"), "queue", body(1)).get(30, TimeUnit.SECONDS);
            alice.sendDurable(Address.service("music-bot", "eu-2"), "queue", body(2)).get(30, TimeUnit.SECONDS);
            await().atMost(Clients.WAIT).until(() -> botGot.size() == 1);

            hub.kill();
            // Sent while the hub is down: waits in alice's outbox.
            CompletableFuture<Void> duringOutage = alice.sendDurable(Address.service("music-bot", "eu-1"), "queue",
                    body(3));
            hub.start();

            duringOutage.get(BACK_BOUND.toSeconds(), TimeUnit.SECONDS);
            await().atMost(BACK_BOUND).until(() -> botGot.size() >= 2);
            await().atMost(BACK_BOUND).until(() -> !listenerEvents.restarts.isEmpty());
            assertThat(botEvents.restarts).hasSize(1);

            // The agent announced ams-1 again by itself: a request to that service reaches it.
            Reply pong = alice.requestBlocking(Address.service("audio-node", "ams-1"), "ping", null,
                    Duration.ofSeconds(30));
            assertThat(pong.isOk()).isTrue();

            // The listener subscribed again by itself: what is published now reaches it.
            await().atMost(BACK_BOUND).untilAsserted(() -> {
                alice.send(Address.topic("player.1"), "player.event", body(heard.size() + 100)).get(30, TimeUnit.SECONDS);
                assertThat(heard).isNotEmpty();
            });

            // The bot that was away during the crash gets what was stored for it before.
            RoadieClient latecomer = clients.create(SilentDeathIT.options(latecomerToken).hub(hub.uri())
                    .clientName("latecomer").build());
            List<Integer> latecomerGot = new CopyOnWriteArrayList<>();
            latecomer.receive("queue", message -> latecomerGot.add(message.body().get("n").asInt()));
            latecomer.awaitConnected(Clients.WAIT);
            await().atMost(BACK_BOUND).until(() -> latecomerGot.size() >= 1);
            assertThat(latecomerGot).containsExactly(2);

            // Nothing reached the bot's application twice, across the crash: a redelivery of the first
            // durable message (if its ack was lost in the crash) comes no later than the third.
            assertThat(botGot).hasSize(2).doesNotHaveDuplicates();
            assertThat(botGot.stream().map(s -> s.substring(s.indexOf(':') + 1)).toList()).containsExactly("1", "3");
        }
    }

    static JsonNode body(int n) {
        return FrameCodec.DEFAULT.mapper().readTree("{\"n\":" + n + "}");
    }
}
