package dev.roadie.audio.routeplanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.audio.AudioNode;
import dev.roadie.audio.AudioNodeConfig;
import dev.roadie.audio.announce.AnnounceSettings;
import dev.roadie.audio.announce.SelfAnnouncer;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.node.retire.Phase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's real route planner feeds its health, as {@code roadie audio-node} wires it: once a source
 * rate-limits every address of the block, the node drains and retires itself on a real hub.
 */
class ExhaustedBlockRetiresTest {
    private static final String PASSWORD = "youshallnotpass";

    @TempDir
    Path dir;
    private final Clients clients = new Clients();
    private final HttpClient http = HttpClient.newHttpClient();
    private LiveHub hub;
    private RecordingFileServer files;
    private AudioNode node;
    private SelfAnnouncer announcer;

    @AfterEach
    void stop() {
        if (announcer != null) {
            announcer.close();
        }
        if (node != null) {
            node.close();
        }
        clients.close();
        if (hub != null) {
            hub.close();
        }
        if (files != null) {
            files.close();
        }
    }

    private int failingAfterALoad() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/v4/loadtracks?identifier="
                + URLEncoder.encode(files.url(), StandardCharsets.UTF_8))).header("Authorization", PASSWORD).build(),
                HttpResponse.BodyHandlers.ofString());
        return node.routePlannerHealth().failingAddresses().size();
    }

    @Test
    void a_block_the_source_rate_limits_whole_drains_and_retires_the_node() throws Exception {
        hub = LiveHub.start(dir.resolve("hub"));
        files = new RecordingFileServer();
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(5)).withRoutePlanner(new RoutePlannerSettings(List.of("127.0.3.0/30"), List.of(),
                Strategy.LOAD_BALANCE, true, -1))).start();
        Path ran = dir.resolve("retired.env");
        Path command = dir.resolve("retire.sh");
        Files.writeString(command, "#!/bin/sh\nenv > \"$1\"\n");
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwx------"));
        AnnounceSettings settings = AnnounceSettings.fromEnvironment(Map.of(
                "ROADIE_AUDIO_HUB", hub.uri().toString(),
                "ROADIE_AUDIO_HUB_TOKEN", hub.token("lon-2", "audio-node", "announce:audio-node"),
                "ROADIE_AUDIO_NAME", "lon-2",
                "ROADIE_AUDIO_PUBLIC_HOST", "127.0.0.1",
                "ROADIE_AUDIO_ANNOUNCE_INTERVAL", "100ms",
                "ROADIE_AUDIO_HEALTH_READINGS", "2",
                "ROADIE_AUDIO_RETIRE_COMMAND", command + " " + ran), node.port(), PASSWORD).orElseThrow();
        announcer = new SelfAnnouncer(settings, node::selfInfo, node::selfStats, node::routePlannerHealth,
                Clock.systemUTC(), RoadieClient::create).start();
        RoadieClient bot = clients.connect(hub, "bot", "music-bot", "registry");
        NodeDirectory directory = bot.nodeDirectory();
        directory.ready().get(10, TimeUnit.SECONDS);
        ServiceId id = new ServiceId("audio-node", "lon-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.node(id).isPresent());
        assertThat(directory.node(id).orElseThrow().state()).isEqualTo(ServiceState.UP);

        for (int i = 0; i < 4; i++) {
            files.limit("127.0.3." + i);
        }
        // The balancing planner tries random addresses, so a load may give up before meeting all four.
        for (int i = 0; i < 30 && failingAfterALoad() < 4; i++) {
            assertThat(announcer.finished()).isNotDone();
        }
        assertThat(node.routePlannerHealth().failingAddresses()).hasSize(4);

        assertThat(announcer.finished().get(10, TimeUnit.SECONDS)).isEqualTo(Phase.RETIRED);
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.node(id).orElseThrow().state()
                == ServiceState.RETIRED);
        assertThat(Files.readAllLines(ran)).contains("ROADIE_NODE_NAME=lon-2",
                "ROADIE_NODE_REASON=IP block exhausted: 4 of 4 addresses failing");
    }
}
