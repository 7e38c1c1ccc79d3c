package dev.roadie.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.ConnectionListener;
import dev.roadie.client.ExponentialBackoff;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.SessionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand clients lose their hub at once and all come back together: the restarted hub must
 * stay up, throttle the hellos (goodbye "busy", close 4029) and have every client back within a
 * bound. The bound is generous; the benchmark reports the real time.
 */
class ReconnectStormIT {
    static final int CLIENTS = 1000;
    static final Duration BACK_BOUND = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    @Test
    void a_thousand_clients_reconnecting_at_once_are_all_back_and_the_hub_stays_up() throws Exception {
        Path data = dir.resolve("data");
        // Every client connects from 127.0.0.1 with the one admin token. Devices in a real storm
        // each have their own address and token, so the per-address and per-token limits must
        // allow them all here; the hub-wide hello budget is the one a storm meets.
        String all = Integer.toString(2 * CLIENTS);
        try (HubProcess hub = HubProcess.start(data, "127.0.0.1", Map.of(
                "limits.connectionsPerAddress", all, "limits.helloPendingPerAddress", all,
                "sessions.hellosPerSecondPerToken", all, "sessions.helloBurstPerToken", all,
                "sessions.hellosPerSecondPerAddress", all, "sessions.helloBurstPerAddress", all))) {
            String admin = Files.readString(data.resolve("admin.token")).strip();
            Set<String> sessions = ConcurrentHashMap.newKeySet();
            Map<Integer, String> epochs = new ConcurrentHashMap<>();
            List<RoadieClient> clients = new ArrayList<>(CLIENTS);
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    int index = i;
                    clients.add(RoadieClient.create(ClientOptions.builder().hub(hub.uri()).token(admin)
                            // An admin token may connect as any identity: one token for a thousand clients.
                            .identity("desktop", "storm-" + i).clientName("storm-" + i)
                            .reconnectPolicy(new ExponentialBackoff(Duration.ofMillis(250), Duration.ofSeconds(5)))
                            .listener(new ConnectionListener() {
                                @Override
                                public void connected(SessionInfo session) {
                                    sessions.add(session.session());
                                    epochs.put(index, session.epoch());
                                }
                            })
                            .build()));
                }
                await().atMost(BACK_BOUND).until(() -> epochs.size() == CLIENTS);
                String firstEpoch = epochs.get(0);
                assertThat(epochs.values()).containsOnly(firstEpoch);

                hub.kill();
                hub.start();
                long restartedAt = System.nanoTime();

                await().atMost(BACK_BOUND).until(() -> epochs.values().stream().noneMatch(firstEpoch::equals));
                Duration back = Duration.ofNanos(System.nanoTime() - restartedAt);
                assertThat(sessions).hasSize(2 * CLIENTS);
                assertThat(hub.readLog()).contains("Roadie hub listening").doesNotContain("OutOfMemoryError");
                System.out.printf("reconnect storm: %d clients back in a new session %d ms after the restart%n",
                        CLIENTS, back.toMillis());
            } finally {
                clients.forEach(RoadieClient::close);
            }
        }
    }
}
