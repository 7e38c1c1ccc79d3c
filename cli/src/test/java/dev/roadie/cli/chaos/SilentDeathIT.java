package dev.roadie.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.RecordingListener;
import dev.roadie.client.testing.TcpProxy;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's sharpest pain: the link dies without a close, and the client must notice, come back
 * through a fresh connection and miss nothing. A TCP proxy between the client and a real hub
 * process stops forwarding without closing anything.
 */
class SilentDeathIT {
    static final Duration HEARTBEAT = Duration.ofMillis(500);
    static final int TOLERANCE = 2;
    /** A generous bound on noticing the silence: catches a hang, not a slowdown (the benchmark measures it). */
    static final Duration DETECTION_BOUND = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void a_client_behind_a_link_gone_silent_reconnects_and_gets_every_message_once_in_order() throws Exception {
        try (HubProcess hub = HubProcess.start(dir.resolve("data"), "127.0.0.1", Map.of(
                "heartbeat.interval", HEARTBEAT.toMillis() + "ms", "heartbeat.tolerance", Integer.toString(TOLERANCE)));
                TcpProxy proxy = new TcpProxy(hub.port());
                Clients clients = new Clients()) {
            RecordingListener events = new RecordingListener();
            RoadieClient bot = clients.create(options(hub.token("eu-1", "music-bot")).hub(proxy.uri())
                    .listener(events).clientName("bot").build());
            List<Integer> received = new CopyOnWriteArrayList<>();
            bot.receive("chat", message -> received.add(message.body().get("n").asInt()));
            bot.awaitConnected(Clients.WAIT);
            RoadieClient sender = clients.create(options(hub.token("alice", "desktop", "send:music-bot"))
                    .hub(hub.uri()).clientName("sender").build());
            sender.awaitConnected(Clients.WAIT);
            for (int n = 0; n < 5; n++) {
                send(sender, n);
            }
            await().atMost(Clients.WAIT).until(() -> received.size() == 5);

            long frozenAt = System.nanoTime();
            proxy.freeze();
            for (int n = 5; n < 25; n++) {
                send(sender, n);
            }

            await().atMost(DETECTION_BOUND).until(() -> !events.disconnectedAtNanos.isEmpty());
            assertThat(Duration.ofNanos(events.disconnectedAtNanos.getFirst() - frozenAt)).isLessThan(DETECTION_BOUND);
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 25);
            assertThat(received).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25).boxed().toList());
            assertThat(proxy.accepted()).as("came back through a fresh connection").isGreaterThanOrEqualTo(2);
        }
    }

    static ClientOptions.Builder options(String token) {
        return Clients.base(token).heartbeatInterval(HEARTBEAT).heartbeatTolerance(TOLERANCE);
    }

    static void send(RoadieClient sender, int n) throws Exception {
        sender.send(Address.service("music-bot", "eu-1"), "chat", FrameCodec.DEFAULT.mapper().readTree("{\"n\":" + n + "}"))
                .get(30, TimeUnit.SECONDS);
    }
}
