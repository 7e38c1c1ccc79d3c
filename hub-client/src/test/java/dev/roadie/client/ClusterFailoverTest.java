package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.hub.cluster.HubProcess;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients of a cluster learn its hubs from the welcome (docs/CLUSTER.md, "Clients and the hubs
 * they know") and are back on another hub soon after theirs is killed, though they were given
 * only the one that died.
 */
class ClusterFailoverTest {
    static final int CLIENTS = 20;

    @TempDir
    Path folder;

    @Test
    void clients_given_one_hub_learn_the_others_from_its_welcome_and_are_all_back_on_another_after_it_is_killed()
            throws Exception {
        try (RedisServer redis = RedisServer.started();
                Clients clients = new Clients();
                TestHub b = TestHub.start(folder.resolve("b"), Map.of("cluster.redis", redis.uri(), "cluster.name",
                        "failover", "cluster.lease", "1s", "heartbeat.interval", "200ms"))) {
            Process a = HubProcess.start(folder.resolve("a").toString(), redis.uri(), "failover", "probe", "desktop",
                    "1s", "registry");
            try {
                String[] ready = HubProcess.readReady(a);
                int aPort = Integer.parseInt(ready[1]);
                URI onA = URI.create("ws://127.0.0.1:" + aPort + "/ws");
                URI onB = URI.create("ws://127.0.0.1:" + b.port() + "/ws");
                assertThat(WireClient.authenticated(aPort, ready[2]).welcome().hubs())
                        .as("hub a's welcome: itself first, then b").containsExactly(onA.toString(), onB.toString());

                List<String> tokens = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    tokens.add(b.token("c" + i, "desktop", "registry"));
                }
                // Tokens made on b reach a by the token sync: wait for the last one.
                Http http = new Http("http://127.0.0.1:" + aPort);
                await("hub a accepting the tokens made on b").atMost(Duration.ofSeconds(10))
                        .until(() -> http.get("/api/services", tokens.getLast()).status() == 200);
                List<RoadieClient> all = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    all.add(clients.create(Clients.base(tokens.get(i)).hub(onA).clientName("c" + i).build()));
                }
                for (RoadieClient client : all) {
                    client.awaitConnected(Clients.WAIT);
                    assertThat(client.session().orElseThrow().hub()).isEqualTo(onA);
                }

                long killedAt = System.nanoTime();
                a.destroyForcibly();
                await("every client back, on hub b").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                        .until(() -> all.stream().allMatch(client -> client.state() == ConnectionState.CONNECTED
                                && client.session().map(info -> info.hub().equals(onB)).orElse(false)));
                long backMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                System.out.println("Clients back after a hub was killed: all " + CLIENTS + " on the other hub "
                        + backMs + " ms after SIGKILL");
                // The link dies with the process; each client tries the dead hub once, then the one it learned.
                assertThat(backMs).as("ms for every client to be back").isLessThan(5_000);
            } finally {
                a.destroyForcibly();
                a.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
