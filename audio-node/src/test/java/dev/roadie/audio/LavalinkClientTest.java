package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.arbjerg.lavalink.client.LavalinkClient;
import dev.arbjerg.lavalink.client.LavalinkNode;
import dev.arbjerg.lavalink.client.NodeOptions;
import dev.arbjerg.lavalink.client.event.StatsEvent;
import dev.arbjerg.lavalink.client.event.TrackEndEvent;
import dev.arbjerg.lavalink.client.event.TrackStartEvent;
import dev.arbjerg.lavalink.client.player.LavalinkLoadResult;
import dev.arbjerg.lavalink.client.player.LavalinkPlayer;
import dev.arbjerg.lavalink.client.player.Track;
import dev.arbjerg.lavalink.client.player.TrackLoaded;
import dev.arbjerg.lavalink.protocol.v4.Message;
import dev.roadie.voice.testing.Wav;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Java {@code lavalink-client} (3.2.0) uses the node as it uses a Lavalink. */
class LavalinkClientTest {
    private static final String PASSWORD = "youshallnotpass";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private AudioNode node;
    private HttpServer files;
    private LavalinkClient client;
    private LavalinkNode lavalink;
    private final LinkedBlockingQueue<TrackStartEvent> starts = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<TrackEndEvent> ends = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<StatsEvent> stats = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofMillis(500),
                Duration.ofMillis(200))).start();
        byte[] tone = Wav.tone(440, 3);
        Files.write(folder.resolve("tone.wav"), tone);
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/tone.wav", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, tone.length);
            try (var body = exchange.getResponseBody()) {
                body.write(tone);
            }
        });
        files.start();
        client = new LavalinkClient(42L);
        client.on(TrackStartEvent.class).subscribe(starts::add);
        client.on(TrackEndEvent.class).subscribe(ends::add);
        client.on(StatsEvent.class).subscribe(stats::add);
        lavalink = client.addNode(new NodeOptions.Builder().setName("roadie")
                .setServerUri("ws://127.0.0.1:" + node.port()).setPassword(PASSWORD).build());
        await().atMost(WAIT).until(lavalink::getAvailable);
    }

    @AfterEach
    void stop() {
        client.close();
        files.stop(0);
        node.close();
    }

    private Track load(String identifier) {
        LavalinkLoadResult result = lavalink.loadItem(identifier).block(WAIT);
        assertThat(result).isInstanceOf(TrackLoaded.class);
        return ((TrackLoaded) result).getTrack();
    }

    @Test
    void the_client_loads_plays_pauses_seeks_and_stops_a_local_file() throws Exception {
        // Stats with nobody playing: frameStats is null but present, or the client cannot read them.
        StatsEvent idle = stats.poll(10, TimeUnit.SECONDS);
        assertThat(idle).isNotNull();
        assertThat(idle.getFrameStats()).isNull();
        Track track = load(folder.resolve("tone.wav").toString());
        assertThat(track.getInfo().getLength()).isEqualTo(3000);
        assertThat(lavalink.decodeTrack(track.getEncoded()).block(WAIT).getInfo()).isEqualTo(track.getInfo());

        lavalink.updatePlayer(7L, update -> update.setTrack(track).setVolume(80)).block(WAIT);
        TrackStartEvent start = starts.poll(10, TimeUnit.SECONDS);
        assertThat(start).isNotNull();
        assertThat(start.getTrack().getInfo().getTitle()).isEqualTo(track.getInfo().getTitle());
        // TrackStart comes before the first frame; a seek made before it is not shown in the
        // position until then (lavaplayer, and so Lavalink, behave the same).
        await().atMost(WAIT).until(() -> lavalink.getPlayer(7L).block(WAIT).getState().getPosition() > 0);

        LavalinkPlayer paused = lavalink.updatePlayer(7L, update -> update.setPaused(true).setPosition(2000L))
                .block(WAIT);
        assertThat(paused.getPaused()).isTrue();
        assertThat(paused.getVolume()).isEqualTo(80);
        assertThat(lavalink.getPlayer(7L).block(WAIT).getState().getPosition()).isBetween(2000L, 2100L);

        // Stats sent before the player existed may still be queued: the first made since counts it.
        stats.clear();
        StatsEvent stat = stats.poll(10, TimeUnit.SECONDS);
        assertThat(stat).isNotNull();
        assertThat(stat.getPlayers()).isEqualTo(1);

        lavalink.updatePlayer(7L, update -> update.stopTrack()).block(WAIT);
        TrackEndEvent end = ends.poll(10, TimeUnit.SECONDS);
        assertThat(end).isNotNull();
        assertThat(end.getEndReason()).isEqualTo(Message.EmittedEvent.TrackEndEvent.AudioTrackEndReason.STOPPED);
    }

    @Test
    void the_client_plays_an_http_served_file_to_its_end() throws Exception {
        Track track = load("http://127.0.0.1:" + files.getAddress().getPort() + "/tone.wav");
        assertThat(track.getInfo().getSourceName()).isEqualTo("http");

        lavalink.updatePlayer(8L, update -> update.setTrack(track).setPosition(2500L)).block(WAIT);
        assertThat(starts.poll(10, TimeUnit.SECONDS)).isNotNull();
        // Stats made before the track started may still be on their way: the first made since counts it.
        stats.clear();
        StatsEvent playing = stats.poll(10, TimeUnit.SECONDS);
        assertThat(playing).isNotNull();
        assertThat(playing.getPlayingPlayers()).isEqualTo(1);
        TrackEndEvent end = ends.poll(10, TimeUnit.SECONDS);
        assertThat(end).isNotNull();
        assertThat(end.getEndReason()).isEqualTo(Message.EmittedEvent.TrackEndEvent.AudioTrackEndReason.FINISHED);
    }
}
