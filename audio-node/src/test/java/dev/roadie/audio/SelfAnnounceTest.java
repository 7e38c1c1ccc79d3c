package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.audio.announce.AnnounceSettings;
import dev.roadie.audio.announce.SelfAnnouncer;
import dev.roadie.audio.testing.LavalinkSession;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.node.health.FailingAddress;
import dev.roadie.node.health.RoutePlannerStatus;
import dev.roadie.node.retire.Phase;
import dev.roadie.voice.testing.Wav;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audio node announces itself to a real hub with no agent beside it, publishes its players,
 * and retires itself when a stand-in route planner says its IP block is exhausted.
 */
class SelfAnnounceTest {
    private static final String PASSWORD = "youshallnotpass";
    private static final ServiceId LON = new ServiceId("audio-node", "lon-1");

    @TempDir
    Path dir;
    private LiveHub hub;
    private final Clients clients = new Clients();
    private AudioNode node;
    private SelfAnnouncer announcer;
    private final AtomicReference<RoutePlannerStatus> planner = new AtomicReference<>();

    @BeforeEach
    void start() {
        hub = LiveHub.start(dir.resolve("hub"));
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(5))).start();
    }

    @AfterEach
    void stop() {
        if (announcer != null) {
            announcer.close();
        }
        node.close();
        clients.close();
        hub.close();
    }

    /** A 16-address IPv4 block of which {@code failing} addresses failed an hour ago. */
    static RoutePlannerStatus block(int failing) {
        List<FailingAddress> addresses = new ArrayList<>();
        long anHourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        for (int i = 0; i < failing; i++) {
            addresses.add(new FailingAddress("/10.0.0." + i, anHourAgo));
        }
        return new RoutePlannerStatus("RotatingIpRoutePlanner", "Inet4Address", BigInteger.valueOf(16), addresses,
                null);
    }

    static SelfAnnouncer announce(LiveHub hub, AudioNode node, Map<String, String> extra,
            AtomicReference<RoutePlannerStatus> planner) {
        Map<String, String> env = new HashMap<>();
        env.put("ROADIE_AUDIO_HUB", hub.uri().toString());
        env.put("ROADIE_AUDIO_HUB_TOKEN", hub.token(extra.getOrDefault("ROADIE_AUDIO_NAME", "lon-1"), "audio-node",
                "announce:audio-node"));
        env.put("ROADIE_AUDIO_NAME", "lon-1");
        env.put("ROADIE_AUDIO_PUBLIC_HOST", "127.0.0.1");
        env.put("ROADIE_AUDIO_REGION", "eu");
        env.put("ROADIE_AUDIO_ANNOUNCE_INTERVAL", "100ms");
        env.put("ROADIE_AUDIO_HEALTH_READINGS", "2");
        env.putAll(extra);
        AnnounceSettings settings = AnnounceSettings.fromEnvironment(env, node.port(), PASSWORD).orElseThrow();
        return new SelfAnnouncer(settings, node::selfInfo, node::selfStats, planner::get, Clock.systemUTC(),
                RoadieClient::create).start();
    }

    private NodeDirectory directory() throws Exception {
        RoadieClient bot = clients.connect(hub, "bot", "music-bot", "registry", "secrets:audio-node");
        NodeDirectory directory = bot.nodeDirectory();
        directory.ready().get(10, TimeUnit.SECONDS);
        return directory;
    }

    private static ServiceEntry entry(NodeDirectory directory, ServiceId id) {
        return directory.node(id).orElse(null);
    }

    @Test
    void the_node_announces_itself_publishes_its_players_and_retires_itself_once_its_block_is_exhausted_and_empty()
            throws Exception {
        Path ran = dir.resolve("retired.env");
        Path command = dir.resolve("retire.sh");
        Files.writeString(command, "#!/bin/sh\nenv > \"$1\"\n");
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwx------"));
        announcer = announce(hub, node, Map.of("ROADIE_AUDIO_RETIRE_COMMAND", command + " " + ran), planner);
        NodeDirectory directory = directory();

        await().atMost(Duration.ofSeconds(10)).until(() -> entry(directory, LON) != null);
        ServiceEntry announced = entry(directory, LON);
        assertThat(announced.state()).isEqualTo(ServiceState.UP);
        assertThat(announced.service().endpoint()).isEqualTo("http://127.0.0.1:" + node.port());
        assertThat(announced.service().secrets()).containsEntry("password", PASSWORD);
        assertThat(announced.service().capabilities()).contains("source:local", "source:http", "lavalink:4.0.8");
        // Its health is judged (this shared machine's CPU load may make it anything).
        assertThat(announced.service().labels()).containsEntry("region", "eu").containsKey("health");

        Path wav = dir.resolve("tone.wav");
        Files.write(wav, Wav.tone(440, 30));
        try (LavalinkSession bot = LavalinkSession.open(URI.create("http://127.0.0.1:" + node.port()), PASSWORD)) {
            bot.update("7", "{\"track\":{\"identifier\":" + JsonMapper.builder().build().writeValueAsString(
                    wav.toString()) + "}}");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                ServiceEntry now = entry(directory, LON);
                return now.stats() != null && now.stats().players() == 1 && now.stats().playingPlayers() == 1;
            });

            planner.set(block(15));
            await().atMost(Duration.ofSeconds(10)).until(() -> entry(directory, LON).state() == ServiceState.DRAINING);
            assertThat(entry(directory, LON).service().labels()).containsEntry("health", "critical");
            assertThat(announcer.finished()).as("a draining node waits for its players to leave").isNotDone();

            bot.destroy("7");
        }
        assertThat(announcer.finished().get(10, TimeUnit.SECONDS)).isEqualTo(Phase.RETIRED);
        assertThat(entry(directory, LON).state()).isIn(ServiceState.RETIRED, ServiceState.DRAINING);
        await().atMost(Duration.ofSeconds(10)).until(() -> entry(directory, LON).state() == ServiceState.RETIRED);
        assertThat(Files.readAllLines(ran)).contains("ROADIE_NODE_NAME=lon-1", "ROADIE_NODE_ENDPOINT=http://127.0.0.1:"
                + node.port(), "ROADIE_NODE_REASON=IP block exhausted: 15 of 16 addresses failing");
    }

    @Test
    void a_node_without_a_route_planner_is_never_exhausted_and_stays_up() throws Exception {
        announcer = announce(hub, node, Map.of(), planner);
        NodeDirectory directory = directory();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ServiceEntry now = entry(directory, LON);
            return now != null && now.stats() != null && now.stats().uptime() > 500;
        });
        assertThat(entry(directory, LON).state()).isEqualTo(ServiceState.UP);
        assertThat(announcer.verdict().exhausted()).isFalse();
    }
}
