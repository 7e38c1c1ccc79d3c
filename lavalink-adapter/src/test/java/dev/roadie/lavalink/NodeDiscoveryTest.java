package dev.roadie.lavalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.arbjerg.lavalink.client.LavalinkClient;
import dev.arbjerg.lavalink.client.LavalinkNode;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real LavalinkClient follows a real hub's registry. The nodes' websockets are not reachable
 * (nothing listens on their ports): the client's node list is what is asserted on.
 */
class NodeDiscoveryTest {
    /** lavalink-client only needs the bot's Discord user id; any number does in a test. */
    private static final long FAKE_BOT_ID = 123456789012345678L;
    private static final ServiceId AMS = new ServiceId("audio-node", "ams-1");

    @TempDir
    Path data;
    LiveHub hub;
    Clients clients;
    LavalinkClient lavalink;

    @BeforeEach
    void start() {
        hub = LiveHub.start(data, Map.of("registry.downAfter", "300ms"));
        clients = new Clients();
        lavalink = new LavalinkClient(FAKE_BOT_ID);
    }

    @AfterEach
    void stop() {
        lavalink.close();
        clients.close();
        hub.close();
    }

    private static ServiceDescriptor node(String name, int port) {
        return new ServiceDescriptor("audio-node", name, "http://127.0.0.1:" + port, List.of("source:youtube"),
                Map.of("region", "eu"), Map.of("password", "youshallnotpass"));
    }

    private List<String> nodes() {
        return lavalink.getNodes().stream().map(LavalinkNode::getName).sorted().toList();
    }

    private NodeDirectory directory(String... scopes) throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", scopes);
        NodeDirectory directory = bot.nodeDirectory();
        directory.ready().get(15, TimeUnit.SECONDS);
        return directory;
    }

    @Test
    void nodes_are_added_when_up_and_removed_when_draining_retired_or_down() throws Exception {
        RoadieClient agent = clients.connect(hub, "ams-1", "node-agent", "announce:audio-node");
        agent.announce(node("ams-1", 1)).get(15, TimeUnit.SECONDS);
        NodeDirectory directory = directory("registry", "secrets:audio-node");

        try (NodeDiscovery discovery = NodeDiscovery.attach(directory, lavalink)) {
            // Announced before the bot attached: added from the directory's current entries.
            await().atMost(Clients.WAIT).until(() -> nodes().equals(List.of("ams-1")));
            LavalinkNode added = lavalink.getNodes().getFirst();
            assertThat(added.getPassword()).isEqualTo("youshallnotpass");

            RoadieClient other = clients.connect(hub, "fra-1", "node-agent", "announce:audio-node");
            other.announce(node("fra-1", 2)).get(15, TimeUnit.SECONDS);
            await().atMost(Clients.WAIT).until(() -> nodes().equals(List.of("ams-1", "fra-1")));

            agent.drain(AMS).get(15, TimeUnit.SECONDS);
            await().atMost(Clients.WAIT).until(() -> nodes().equals(List.of("fra-1")));
            agent.markUp(AMS).get(15, TimeUnit.SECONDS);
            await().atMost(Clients.WAIT).until(() -> nodes().equals(List.of("ams-1", "fra-1")));
            agent.retire(AMS).get(15, TimeUnit.SECONDS);
            await().atMost(Clients.WAIT).until(() -> nodes().equals(List.of("fra-1")));

            // Its agent leaves: the lease runs out and the registry marks it down.
            other.close();
            await().atMost(Clients.WAIT).until(() -> nodes().isEmpty());
        }
    }

    @Test
    void a_token_without_secrets_adds_no_node_it_cannot_authenticate_to() throws Exception {
        RoadieClient agent = clients.connect(hub, "ams-1", "node-agent", "announce:audio-node");
        NodeDirectory directory = directory("registry");
        try (NodeDiscovery discovery = NodeDiscovery.attach(directory, lavalink)) {
            agent.announce(node("ams-1", 1)).get(15, TimeUnit.SECONDS);
            await().atMost(Clients.WAIT).until(() -> directory.node(AMS).isPresent());
            assertThat(directory.node(AMS).orElseThrow().service().secrets()).isEmpty();
            assertThat(lavalink.getNodes()).isEmpty();
        }
    }

    @Test
    void nodes_the_bot_added_itself_are_left_alone() throws Exception {
        lavalink.addNode(new dev.arbjerg.lavalink.client.NodeOptions.Builder().setName("local")
                .setServerUri("http://127.0.0.1:3").setPassword("x").build());
        RoadieClient agent = clients.connect(hub, "ams-1", "node-agent", "announce:audio-node");
        NodeDirectory directory = directory("registry", "secrets:audio-node");
        try (NodeDiscovery discovery = NodeDiscovery.attach(directory, lavalink)) {
            agent.announce(node("ams-1", 1)).get(15, TimeUnit.SECONDS);
            await().atMost(Clients.WAIT).until(() -> nodes().equals(List.of("ams-1", "local")));
            agent.retire(AMS).get(15, TimeUnit.SECONDS);
            await().atMost(Clients.WAIT).until(() -> nodes().equals(List.of("local")));
        }
    }
}
