package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.audio.announce.SelfAnnouncer;
import dev.roadie.audio.testing.LavalinkSession;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.NodeListener;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.node.health.RoutePlannerStatus;
import dev.roadie.node.retire.Phase;
import dev.roadie.voice.testing.Wav;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Players survive a retire: two audio nodes announce themselves to a real hub, a Java bot finds
 * them through the SDK's directory, and when node A drains (its block exhausted) the bot moves
 * its player to node B at the position it had reached; A, empty, retires.
 */
class PlayersMoveTest {
    private static final String PASSWORD = "youshallnotpass";
    private static final ServiceId A = new ServiceId("audio-node", "lon-1");
    private static final ServiceId B = new ServiceId("audio-node", "lon-2");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private LiveHub hub;
    private final Clients clients = new Clients();
    private AudioNode nodeA;
    private AudioNode nodeB;
    private SelfAnnouncer announcerA;
    private SelfAnnouncer announcerB;
    private final AtomicReference<RoutePlannerStatus> plannerA = new AtomicReference<>();
    private MovingBot bot;

    @BeforeEach
    void start() {
        hub = LiveHub.start(dir.resolve("hub"));
        AudioNodeConfig config = new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(5));
        nodeA = new AudioNode(config).start();
        nodeB = new AudioNode(config).start();
        announcerA = SelfAnnounceTest.announce(hub, nodeA, Map.of(), plannerA);
        announcerB = SelfAnnounceTest.announce(hub, nodeB, Map.of("ROADIE_AUDIO_NAME", "lon-2"),
                new AtomicReference<>());
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        announcerA.close();
        announcerB.close();
        nodeA.close();
        nodeB.close();
        clients.close();
        hub.close();
    }

    @Test
    void when_a_node_drains_the_bots_player_moves_to_another_node_at_the_position_it_had_reached() throws Exception {
        bot = new MovingBot(clients.connect(hub, "bot", "music-bot", "registry", "secrets:audio-node"));
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.directory.usable().size() == 2);
        Path wav = dir.resolve("tone.wav");
        Files.write(wav, Wav.tone(440, 60));
        bot.play(A, "7", wav.toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> position(bot.session(A).player("7")) > 1500);

        plannerA.set(SelfAnnounceTest.block(15));

        await().atMost(Duration.ofSeconds(15)).until(() -> bot.moved.containsKey("7"));
        long reached = bot.moved.get("7");
        JsonNode onB = bot.session(B).player("7");
        assertThat(onB.get("track").get("info").get("identifier").asString()).isEqualTo(wav.toString());
        assertThat(position(onB)).as("the position on B, just after the move from %d ms on A", reached)
                .isBetween(reached - 100, reached + 1500);
        assertThat(reached).isGreaterThan(1500);
        assertThat(onB.get("volume").asInt()).isEqualTo(80);
        assertThat(onB.get("voice").get("channelId").asString()).isEqualTo("99");
        assertThat(announcerA.finished().get(15, TimeUnit.SECONDS)).as("A, empty, retires").isEqualTo(Phase.RETIRED);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> bot.directory.node(A).map(ServiceEntry::state).orElse(null) == ServiceState.RETIRED);
        await().atMost(Duration.ofSeconds(10)).until(() -> position(bot.session(B).player("7")) > reached + 500);
        assertThat(bot.directory.node(B).orElseThrow().state()).isEqualTo(ServiceState.UP);
    }

    private static long position(JsonNode player) {
        return player.get("state").get("position").asLong();
    }

    /**
     * The bot's side, as docs/BOT-INTEGRATION.md shows it: a Lavalink session per usable node,
     * and on {@link NodeListener#leaving} each player on that node moved to the least loaded
     * other node (track, position, volume, pause, filters, voice), then destroyed where it was.
     */
    private static final class MovingBot implements NodeListener, AutoCloseable {
        final NodeDirectory directory;
        final Map<ServiceId, LavalinkSession> sessions = new ConcurrentHashMap<>();
        final Map<String, ServiceId> playerNodes = new ConcurrentHashMap<>();
        final Map<String, Long> moved = new ConcurrentHashMap<>();
        // Listeners run on the SDK's event thread: the HTTP calls of a move go to a thread of the bot's.
        final ExecutorService mover = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("bot-mover").daemon().factory());
        private final AutoCloseable listening;

        MovingBot(RoadieClient client) throws Exception {
            this.directory = client.nodeDirectory();
            this.listening = directory.addListener(this);
            directory.ready().get(10, TimeUnit.SECONDS);
        }

        LavalinkSession session(ServiceId node) {
            return sessions.computeIfAbsent(node, id -> {
                ServiceEntry entry = directory.node(id).orElseThrow();
                try {
                    return LavalinkSession.open(URI.create(entry.service().endpoint()),
                            entry.service().secrets().get("password"));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot open a session on " + id + ": " + e.getMessage(), e);
                }
            });
        }

        void play(ServiceId node, String guild, String identifier) throws Exception {
            // No voice server here: without a token the node keeps no voice connection and plays
            // to nowhere, so the position moves; the voice state still travels with the move.
            session(node).update(guild, "{\"track\":{\"identifier\":" + JSON.writeValueAsString(identifier)
                    + "},\"volume\":80,\"voice\":{\"token\":\"\",\"endpoint\":\"e\",\"sessionId\":\"s\","
                    + "\"channelId\":\"99\"}}");
            playerNodes.put(guild, node);
        }

        @Override
        public void leaving(ServiceEntry before, ServiceEntry after) {
            mover.execute(() -> playerNodes.forEach((guild, node) -> {
                if (node.equals(before.id())) {
                    directory.leastLoaded(Set.of(before.id())).ifPresent(target -> move(guild, node, target.id()));
                }
            }));
        }

        private void move(String guild, ServiceId from, ServiceId to) {
            try {
                JsonNode player = session(from).player(guild);
                ObjectNode update = JSON.createObjectNode();
                update.putObject("track").put("encoded", player.get("track").get("encoded").asString());
                update.put("position", player.get("state").get("position").asLong());
                update.put("volume", player.get("volume").asInt());
                update.put("paused", player.get("paused").asBoolean());
                update.set("filters", player.get("filters"));
                update.set("voice", player.get("voice"));
                session(to).update(guild, update.toString());
                playerNodes.put(guild, to);
                session(from).destroy(guild);
                moved.put(guild, player.get("state").get("position").asLong());
            } catch (Exception e) {
                throw new IllegalStateException("moving the player of " + guild + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            mover.shutdownNow();
            try {
                listening.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sessions.values().forEach(LavalinkSession::close);
        }
    }
}
