package dev.roadie.hub.cluster;

import static dev.roadie.hub.testing.Frames.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A service is held by one session in the whole cluster, as on one hub, whichever hub each connection is on. */
class OneIdentityAcrossHubsTest {
    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    @TempDir
    Path folder;

    ClusterHubs cluster;
    TestHub a;
    TestHub b;

    @BeforeEach
    void startTwoHubs() {
        cluster = new ClusterHubs(folder, redis.uri());
        a = cluster.start();
        b = cluster.start();
    }

    @AfterEach
    void stopHubs() {
        cluster.close();
    }

    @Test
    void a_hello_on_another_hub_replaces_the_older_session_which_is_closed_with_4010() {
        WireClient older = a.client("eu-1", "music-bot");
        WireClient desk = a.client("alice", "desktop", "send:music-bot");
        awaitClaimedBy(a, "music-bot/eu-1");

        WireClient newer = b.client("eu-1", "music-bot");

        assertThat(older.awaitClose()).as("closed as on one hub").isEqualTo(CloseCode.REPLACED.code());
        assertThat(older.closeReason()).contains("a newer connection of music-bot/eu-1 took over");
        ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 1);
        desk.sendNumbered(message("m-1", Address.service("music-bot", "eu-1")));
        assertThat(newer.expect(Message.class).id()).as("routed to the newer session, on the other hub").isEqualTo("m-1");
    }

    @Test
    void a_hello_that_asks_not_to_replace_is_refused_while_another_hub_holds_the_identity() {
        WireClient holder = a.client("eu-1", "music-bot");
        ClusterHubs.awaitSeen(b, Address.service("music-bot", "eu-1"), 1);

        WireClient refused = b.track(WireClient.connect(b.port()));
        refused.sendFrame(new Hello(b.token("eu-1", "music-bot"), null, null, null, 1, "test", false));

        assertThat(refused.awaitClose()).isEqualTo(CloseCode.IDENTITY_IN_USE.code());
        assertThat(holder.isClosedByHub()).as("the holder stays").isFalse();
    }

    @Test
    void an_announce_on_another_hub_takes_the_service_over_and_the_older_session_stays_open() {
        ServiceId eu1 = new ServiceId("audio-node", "eu-1");
        WireClient first = a.client("node-a", "node-agent", "announce:audio-node");
        announce(first);
        awaitClaimedBy(a, "audio-node/eu-1");
        WireClient desk = a.client("alice", "desktop", "send:audio-node");

        WireClient second = b.client("node-b", "node-agent", "announce:audio-node");
        announce(second);

        // Hub a stops serving it locally: its router then finds it on hub b.
        await("hub a handing audio-node/eu-1 to hub b").atMost(Duration.ofSeconds(10))
                .until(() -> a.hub().context().sessions().serving(eu1).isEmpty());
        ClusterHubs.awaitSeen(a, Address.service("audio-node", "eu-1"), 1);
        desk.sendNumbered(message("m-1", Address.service("audio-node", "eu-1")));
        assertThat(second.expect(Message.class).id()).isEqualTo("m-1");
        assertThat(first.isClosedByHub()).as("an announce takes the service, not the connection").isFalse();
    }

    /**
     * Waits until hub {@code hub}'s claim of {@code service} is in Redis: claims are sent after a
     * session opens, and Redis orders them, so a test that wants the other hub's to come later waits.
     */
    private void awaitClaimedBy(TestHub hub, String service) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.uri());
        try (var connection = client.connect()) {
            await(service + " claimed by hub " + hub.hub().epoch()).atMost(Duration.ofSeconds(10))
                    .until(() -> String.valueOf(connection.sync().get(cluster.name() + ":claim:" + service))
                            .startsWith(hub.hub().epoch() + " "));
        } finally {
            client.shutdown();
        }
    }

    private static void announce(WireClient client) {
        client.expectAck(client.sendNumbered(new Announce(0, "an-" + System.nanoTime(),
                new ServiceDescriptor("audio-node", "eu-1", "https://eu-1.example.org:2333", List.of(), Map.of(), Map.of()))));
    }
}
