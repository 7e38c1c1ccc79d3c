package dev.roadie.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Message;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new subscriber replaces its view with the snapshot, so an event about a service added after
 * the registry was read must reach it after the snapshot, never before: else the service is lost
 * from its view, and every stats update for it is dropped as one for an unknown service.
 */
class SnapshotOrderTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.withDefaults();

    @Test
    void a_service_added_while_the_snapshot_is_read_reaches_the_subscriber_after_it() throws Exception {
        WireClient bot = hub.running().client("eu-1", "music-bot", "registry");
        ClientSession session = hub.hub().context().sessions().byId(bot.welcome().session()).orElseThrow();
        hub.hub().context().sessions().subscribe(session, RegistryEvent.TOPIC);
        Instant now = Instant.now();
        ServiceEntry added = new ServiceEntry(new ServiceDescriptor("audio-node", "ams-3", null, null, null, null),
                ServiceState.UP, null, "audio-node/ams-3", now, now);
        RegistryEvents events = hub.hub().context().registryEvents();
        Thread announcing = new Thread(() -> events.changed(new RegistryEvent(RegistryEvent.Change.added, added)),
                "announcing");

        events.snapshotTo(session, () -> {
            // The registry is read before the service is added; the announce then tries to publish.
            announcing.start();
            await().until(() -> announcing.getState() == Thread.State.BLOCKED || !announcing.isAlive());
            return List.of();
        });
        announcing.join();

        Message first = bot.expect(Message.class);
        Message second = bot.expect(Message.class);
        assertThat(first.subject()).isEqualTo(RegistrySnapshot.SUBJECT);
        assertThat(second.subject()).isEqualTo(RegistryEvent.SUBJECT);
        assertThat(second.body().toString()).contains("ams-3");
    }
}
