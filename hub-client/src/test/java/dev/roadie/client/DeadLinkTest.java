package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.client.testing.RecordingListener;
import dev.roadie.client.testing.TcpProxy;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.model.wire.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link that goes silent without closing (the hub's home IP changed, a laptop slept) is noticed and replaced. */
class DeadLinkTest {
    static final Duration INTERVAL = Duration.ofMillis(300);
    static final int TOLERANCE = 2;

    @TempDir
    Path data;
    LiveHub hub;
    Clients clients;
    TcpProxy proxy;

    @BeforeEach
    void start() throws Exception {
        hub = LiveHub.start(data);
        clients = new Clients();
        proxy = new TcpProxy(hub.port());
    }

    @AfterEach
    void stop() throws Exception {
        clients.close();
        proxy.close();
        hub.close();
    }

    @Test
    void a_frozen_link_is_given_up_within_the_heartbeat_bound_and_replaced_through_a_new_connection()
            throws Exception {
        RecordingListener events = new RecordingListener();
        RoadieClient desktop = clients.create(Clients.base(hub.token("alice", "desktop", "subscribe:*"))
                .hub(proxy.uri()).clientName("alice").heartbeatInterval(INTERVAL).heartbeatTolerance(TOLERANCE)
                .listener(events).build());
        desktop.awaitConnected(Clients.WAIT);
        List<String> received = new CopyOnWriteArrayList<>();
        desktop.subscribe("news", m -> received.add(m.as(String.class))).ready().get(15, TimeUnit.SECONDS);
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "publish:*");

        long frozenAt = System.nanoTime();
        proxy.freeze();

        await().atMost(Clients.WAIT).until(() -> !events.disconnected.isEmpty());
        assertThat(events.disconnected.get(0).cause()).isEqualTo(DisconnectCause.DEAD_LINK);
        Duration noticedAfter = Duration.ofNanos(events.disconnectedAtNanos.get(0) - frozenAt);
        // interval x tolerance of silence, plus a heartbeat tick and a generous margin for a busy machine.
        assertThat(noticedAfter).isLessThan(INTERVAL.multipliedBy(TOLERANCE).plus(Duration.ofMillis(1500)));

        await().atMost(Clients.WAIT).until(() -> desktop.state() == ConnectionState.CONNECTED
                && proxy.accepted() == 2 && hub.hasSubscriber("news"));
        bot.send(Address.topic("news"), "n", "after the freeze").get(15, TimeUnit.SECONDS);
        await().atMost(Clients.WAIT).until(() -> received.contains("after the freeze"));
    }

    @Test
    void with_the_default_settings_on_both_sides_a_frozen_link_is_given_up_within_15_seconds() throws Exception {
        HubConfig.Heartbeat defaults = HubConfig.defaults().heartbeat();
        hub.close();
        hub = LiveHub.start(data, Map.of("heartbeat.interval", defaults.interval().toMillis() + "ms",
                "heartbeat.tolerance", Integer.toString(defaults.tolerance())));
        proxy.close();
        proxy = new TcpProxy(hub.port());
        RecordingListener events = new RecordingListener();
        // Only the hub, the token and the listener: every heartbeat setting is the SDK's default.
        RoadieClient desktop = clients.create(ClientOptions.builder().hub(proxy.uri())
                .token(hub.token("alice", "desktop")).listener(events).build());
        desktop.awaitConnected(Clients.WAIT);

        long frozenAt = System.nanoTime();
        proxy.freeze();

        await().atMost(Duration.ofSeconds(20)).until(() -> !events.disconnected.isEmpty());
        assertThat(events.disconnected.get(0).cause()).isEqualTo(DisconnectCause.DEAD_LINK);
        assertThat(Duration.ofNanos(events.disconnectedAtNanos.get(0) - frozenAt)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void a_quiet_link_that_is_alive_is_kept() throws Exception {
        RecordingListener events = new RecordingListener();
        RoadieClient desktop = clients.create(Clients.base(hub.token("alice", "desktop"))
                .hub(proxy.uri()).clientName("alice").heartbeatInterval(INTERVAL).heartbeatTolerance(TOLERANCE)
                .listener(events).build());
        desktop.awaitConnected(Clients.WAIT);

        // Ten dead-link periods of application silence: pings and pongs keep the link up.
        long until = System.nanoTime() + INTERVAL.multipliedBy(TOLERANCE * 10L).toNanos();
        await().atMost(Clients.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> System.nanoTime() > until);

        assertThat(events.disconnected).isEmpty();
        assertThat(proxy.accepted()).isEqualTo(1);
    }
}
