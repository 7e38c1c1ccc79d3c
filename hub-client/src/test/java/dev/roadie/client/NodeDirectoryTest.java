package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeDirectoryTest {
    private static final ServiceId AMS = new ServiceId("audio-node", "ams-1");

    @TempDir
    Path data;
    LiveHub hub;
    Clients clients;

    @BeforeEach
    void start() {
        // Short leases, so that a node whose agent left is removed within the test.
        hub = LiveHub.start(data, Map.of("registry.downAfter", "300ms", "registry.removeAfter", "800ms"));
        clients = new Clients();
    }

    @AfterEach
    void stop() {
        clients.close();
        hub.close();
    }

    static final class Recorder implements NodeListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void added(ServiceEntry node) {
            events.add("added " + node.id());
        }

        @Override
        public void changed(ServiceEntry before, ServiceEntry after) {
            events.add("changed " + after.id() + " " + after.state() + (after.stats() == null ? "" : " stats"));
        }

        @Override
        public void removed(ServiceEntry node) {
            events.add("removed " + node.id());
        }
    }

    private static ServiceDescriptor ams() {
        return new ServiceDescriptor("audio-node", "ams-1", "http://ams-1.example.org:2333", List.of("source:youtube"),
                Map.of("region", "eu"), Map.of("password", "youshallnotpass"));
    }

    @Test
    void the_directory_follows_added_changed_and_removed_nodes() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "registry", "secrets:audio-node");
        NodeDirectory directory = bot.nodeDirectory();
        Recorder recorder = new Recorder();
        directory.addListener(recorder);
        directory.ready().get(15, TimeUnit.SECONDS);
        RoadieClient agent = clients.connect(hub, "ams-1", "node-agent", "announce:audio-node");

        agent.announce(ams()).get(15, TimeUnit.SECONDS);
        await().atMost(Clients.WAIT).until(() -> directory.node(AMS).isPresent());
        assertThat(directory.usable()).extracting(ServiceEntry::id).containsExactly(AMS);
        assertThat(directory.node(AMS).orElseThrow().service().secrets()).containsEntry("password", "youshallnotpass");

        agent.updateStats(AMS, new NodeStats(3, 2, 1000, null, null, null)).get(15, TimeUnit.SECONDS);
        await().atMost(Clients.WAIT).until(() -> directory.node(AMS).orElseThrow().stats() != null);
        assertThat(directory.node(AMS).orElseThrow().stats().playingPlayers()).isEqualTo(2);

        agent.retire(AMS).get(15, TimeUnit.SECONDS);
        await().atMost(Clients.WAIT).until(() -> directory.node(AMS).orElseThrow().state() == ServiceState.RETIRED);
        assertThat(directory.usable()).isEmpty();
        agent.close();
        await().atMost(Clients.WAIT).until(() -> directory.node(AMS).isEmpty());

        assertThat(recorder.events).startsWith("added " + AMS, "changed " + AMS + " UP stats")
                .contains("changed " + AMS + " RETIRED stats").endsWith("removed " + AMS);
    }

    @Test
    void secrets_are_visible_only_with_the_secrets_scope() throws Exception {
        RoadieClient withSecrets = clients.connect(hub, "eu-1", "music-bot", "registry", "secrets:audio-node");
        RoadieClient without = clients.connect(hub, "alice", "desktop", "registry");
        withSecrets.nodeDirectory().ready().get(15, TimeUnit.SECONDS);
        without.nodeDirectory().ready().get(15, TimeUnit.SECONDS);
        RoadieClient agent = clients.connect(hub, "ams-1", "node-agent", "announce:audio-node");

        agent.announce(ams()).get(15, TimeUnit.SECONDS);

        await().atMost(Clients.WAIT).until(() -> withSecrets.nodeDirectory().node(AMS).isPresent()
                && without.nodeDirectory().node(AMS).isPresent());
        assertThat(withSecrets.nodeDirectory().node(AMS).orElseThrow().service().secrets())
                .containsEntry("password", "youshallnotpass");
        assertThat(without.nodeDirectory().node(AMS).orElseThrow().service().secrets()).isEmpty();
        assertThat(without.nodeDirectory().node(AMS).orElseThrow().service().endpoint())
                .isEqualTo("http://ams-1.example.org:2333");
    }

    @Test
    void the_directory_needs_the_registry_scope() {
        RoadieClient nobody = clients.connect(hub, "alice", "desktop");

        assertThat(nobody.nodeDirectory().ready()).failsWithin(Clients.WAIT)
                .withThrowableThat().havingCause().isInstanceOf(RoadieException.class)
                .withMessageContaining("forbidden");
    }
}
