package dev.roadie.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.client.IncomingMessage;
import dev.roadie.client.NodeListener;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.RegistryStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RegistryViewTest {
    static final ServiceId HUB = new ServiceId("hub", "roadie");
    final RegistryView view = new RegistryView("test");
    final List<String> heard = new CopyOnWriteArrayList<>();

    RegistryViewTest() {
        view.addListener(new NodeListener() {
            @Override
            public void added(ServiceEntry node) {
                heard.add("added " + node.id().name());
            }

            @Override
            public void changed(ServiceEntry before, ServiceEntry after) {
                heard.add("changed " + after.id().name() + " " + after.state().wire());
            }

            @Override
            public void removed(ServiceEntry node) {
                heard.add("removed " + node.id().name());
            }

            @Override
            public void leaving(ServiceEntry before, ServiceEntry after) {
                heard.add("leaving " + before.id().name() + (after == null ? "" : " " + after.state().wire()));
            }
        });
    }

    static ServiceEntry node(String name, ServiceState state) {
        return new ServiceEntry(new ServiceDescriptor("audio-node", name, "http://" + name + ":2333", null, null, null),
                state, null, "node-agent/" + name, Instant.EPOCH, Instant.EPOCH);
    }

    static IncomingMessage message(String subject, Object body) {
        return new IncomingMessage("m", HUB, Address.topic(RegistryEvent.TOPIC), subject,
                FrameCodec.DEFAULT.toTree(body), false);
    }

    @Test
    void a_snapshot_drops_nodes_removed_while_the_client_was_away_and_updates_the_rest() {
        view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.added,
                node("ams-1", ServiceState.UP))));
        view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.added,
                node("ams-2", ServiceState.UP))));

        view.onEvent(message(RegistrySnapshot.SUBJECT, new RegistrySnapshot(List.of(node("ams-2", ServiceState.DRAINING),
                node("fra-1", ServiceState.UP)))));

        assertThat(view.nodes()).extracting(e -> e.id().name()).containsExactly("ams-2", "fra-1");
        assertThat(view.usable()).extracting(e -> e.id().name()).containsExactly("fra-1");
        assertThat(heard).containsExactlyInAnyOrder("added ams-1", "added ams-2", "removed ams-1", "leaving ams-1",
                "changed ams-2 draining", "leaving ams-2 draining", "added fra-1");
    }

    @Test
    void a_snapshot_in_parts_is_applied_once_its_last_part_is_in() {
        view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.added,
                node("ams-1", ServiceState.UP))));

        view.onEvent(message(RegistrySnapshot.SUBJECT, new RegistrySnapshot(List.of(node("ams-2", ServiceState.UP)),
                1, 2)));
        assertThat(view.nodes()).as("nothing changes before the last part").extracting(e -> e.id().name())
                .containsExactly("ams-1");
        view.onEvent(message(RegistrySnapshot.SUBJECT, new RegistrySnapshot(List.of(node("fra-1", ServiceState.UP)),
                2, 2)));

        assertThat(view.nodes()).extracting(e -> e.id().name()).containsExactly("ams-2", "fra-1");
        assertThat(heard).containsExactlyInAnyOrder("added ams-1", "removed ams-1", "leaving ams-1", "added ams-2",
                "added fra-1");
    }

    @Test
    void a_stats_update_changes_only_the_stats_of_a_known_node_and_unknown_nodes_are_ignored() {
        view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.added,
                node("ams-1", ServiceState.DRAINING))));
        NodeStats stats = new NodeStats(3, 2, 1000, null, null, null);

        view.onEvent(message(RegistryStats.SUBJECT, new RegistryStats(List.of(
                new RegistryStats.Update(new ServiceId("audio-node", "ams-1"), stats),
                new RegistryStats.Update(new ServiceId("audio-node", "ghost"), stats)))));

        ServiceEntry after = view.node(new ServiceId("audio-node", "ams-1")).orElseThrow();
        assertThat(after.stats()).isEqualTo(stats);
        assertThat(after.state()).isEqualTo(ServiceState.DRAINING);
        assertThat(after.service().endpoint()).isEqualTo("http://ams-1:2333");
        assertThat(view.nodes()).hasSize(1);
        assertThat(heard).containsExactly("added ams-1", "changed ams-1 draining");
    }

    @Test
    void registry_subjects_through_another_address_are_ignored() {
        view.onEvent(new IncomingMessage("m", new ServiceId("desktop", "mallory"), Address.topic("elsewhere"),
                RegistrySnapshot.SUBJECT, FrameCodec.DEFAULT.toTree(new RegistrySnapshot(List.of(
                        node("fake", ServiceState.UP)))), false));

        assertThat(view.nodes()).isEmpty();
    }

    @Test
    void an_up_node_that_drains_or_goes_is_heard_as_leaving_once_and_other_changes_are_not() {
        view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.added,
                node("ams-1", ServiceState.UP))));
        view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.added,
                node("ams-2", ServiceState.UP))));
        view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.changed,
                node("ams-1", ServiceState.DRAINING))));
        view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.changed,
                node("ams-1", ServiceState.RETIRED))));
        view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.removed,
                node("ams-2", ServiceState.UP))));

        assertThat(heard).containsExactly("added ams-1", "added ams-2", "changed ams-1 draining",
                "leaving ams-1 draining", "changed ams-1 retired", "removed ams-2", "leaving ams-2");
    }

    @Test
    void the_least_loaded_node_is_the_usable_one_with_the_lowest_penalty_leaving_out_the_ones_named() {
        NodeStats busy = new NodeStats(9, 9, 1, null, null, null);
        NodeStats idle = new NodeStats(1, 1, 1, null, null, null);
        for (ServiceEntry entry : List.of(withStats(node("ams-1", ServiceState.UP), idle),
                withStats(node("ams-2", ServiceState.UP), busy), withStats(node("ams-3", ServiceState.DRAINING), null),
                withStats(node("ams-4", ServiceState.UP), idle))) {
            view.onEvent(message(RegistryEvent.SUBJECT, new RegistryEvent(RegistryEvent.Change.added, entry)));
        }

        assertThat(view.leastLoaded(List.of()).map(e -> e.id().name())).contains("ams-1");
        assertThat(view.leastLoaded(List.of(new ServiceId("audio-node", "ams-1"))).map(e -> e.id().name()))
                .contains("ams-4");
        assertThat(view.leastLoaded(List.of(new ServiceId("audio-node", "ams-1"), new ServiceId("audio-node", "ams-2"),
                new ServiceId("audio-node", "ams-4")))).isEmpty();
    }

    private static ServiceEntry withStats(ServiceEntry entry, NodeStats stats) {
        return new ServiceEntry(entry.service(), entry.state(), stats, entry.owner(), entry.announcedAt(),
                entry.lastSeen());
    }
}
