package dev.roadie.audio.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.arbjerg.lavalink.client.LavalinkClient;
import dev.arbjerg.lavalink.client.LavalinkNode;
import dev.arbjerg.lavalink.client.NodeOptions;
import dev.arbjerg.lavalink.client.event.EmittedEvent;
import dev.arbjerg.lavalink.client.event.TrackEndEvent;
import dev.arbjerg.lavalink.client.event.TrackExceptionEvent;
import dev.arbjerg.lavalink.client.event.WebSocketClosedEvent;
import dev.arbjerg.lavalink.client.player.LavalinkLoadResult;
import dev.arbjerg.lavalink.client.player.Track;
import dev.arbjerg.lavalink.client.player.TrackLoaded;
import dev.arbjerg.lavalink.protocol.v4.Message;
import dev.arbjerg.lavalink.protocol.v4.VoiceState;
import dev.roadie.audio.AudioNode;
import dev.roadie.audio.AudioNodeConfig;
import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.gateway.GatewayOptions;
import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.Intervals;
import dev.roadie.voice.testing.Wav;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad track, a dead source and a voice server that stops answering each end their own player
 * with the event Lavalink sends, while a fourth player on the same node keeps streaming on time.
 */
class PlayerIsolationTest {
    private static final String PASSWORD = "youshallnotpass";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long HEALTHY = 1L;
    private static final long BAD_TRACK = 2L;
    private static final long DEAD_SOURCE = 3L;
    private static final long SILENT_VOICE = 4L;
    /** One reconnect, quickly: the voice server that stops answering is given up on in about a second. */
    private static final GatewayOptions QUICK_GIVE_UP =
            new GatewayOptions(Duration.ofSeconds(2), 1, Duration.ofMillis(100), Duration.ofMillis(200));

    @TempDir
    Path folder;

    private final List<FakeDiscordVoiceServer> voices = new CopyOnWriteArrayList<>();
    private final List<EmittedEvent> events = new CopyOnWriteArrayList<>();
    private AudioNode node;
    private LavalinkClient client;

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        node.close();
        for (FakeDiscordVoiceServer voice : voices) {
            voice.close();
        }
    }

    @Test
    void a_bad_track_a_dead_source_and_a_silent_voice_server_end_only_their_own_player() throws Exception {
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(1)), List.of(), QUICK_GIVE_UP).start();
        client = new LavalinkClient(104L);
        client.on(TrackExceptionEvent.class).subscribe(events::add);
        client.on(TrackEndEvent.class).subscribe(events::add);
        client.on(WebSocketClosedEvent.class).subscribe(events::add);
        LavalinkNode lavalink = client.addNode(new NodeOptions.Builder().setName("roadie")
                .setServerUri("ws://127.0.0.1:" + node.port()).setPassword(PASSWORD).build());
        await().atMost(WAIT).until(lavalink::getAvailable);

        Path tone = folder.resolve("tone.wav");
        Files.write(tone, Wav.tone(440, 20));
        Path spoilt = folder.resolve("spoilt.wav");
        Files.write(spoilt, Wav.tone(440, 20));
        byte[] served = Wav.tone(440, 20);
        HttpServer files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/tone.wav", exchange -> {
            exchange.sendResponseHeaders(200, served.length);
            try (var body = exchange.getResponseBody()) {
                body.write(served);
            }
        });
        files.start();

        Track healthy = load(lavalink, tone.toString());
        Track bad = load(lavalink, spoilt.toString());
        Track dead = load(lavalink, "http://127.0.0.1:" + files.getAddress().getPort() + "/tone.wav");
        // The file is no audio any more by the time it plays; the web server is gone.
        Files.write(spoilt, new byte[4096]);
        files.stop(0);

        FakeDiscordVoiceServer healthyVoice = voice();
        FakeDiscordVoiceServer silentVoice = voice();
        play(lavalink, HEALTHY, healthy, healthyVoice);
        play(lavalink, SILENT_VOICE, healthy, silentVoice);
        await().atMost(WAIT).until(() -> silentVoice.clientAudio().count() >= 25 && healthyVoice.clientAudio().count() >= 25);

        play(lavalink, BAD_TRACK, bad, voice());
        play(lavalink, DEAD_SOURCE, dead, voice());
        silentVoice.close();

        await().atMost(WAIT).until(() -> ended(BAD_TRACK) && ended(DEAD_SOURCE) && closed(SILENT_VOICE));
        assertThat(events).filteredOn(TrackExceptionEvent.class::isInstance).extracting(EmittedEvent::getGuildId)
                .containsExactlyInAnyOrder(BAD_TRACK, DEAD_SOURCE);
        assertThat(events).filteredOn(WebSocketClosedEvent.class::isInstance)
                .singleElement().satisfies(event -> {
                    WebSocketClosedEvent closed = (WebSocketClosedEvent) event;
                    assertThat(closed.getGuildId()).isEqualTo(SILENT_VOICE);
                    assertThat(closed.getCode()).isEqualTo(1006);
                    assertThat(closed.getByRemote()).isFalse();
                });

        // The healthy player went on through all of it: on time, the whole tone, no event.
        int before = healthyVoice.clientAudio().count();
        await().atMost(WAIT).until(() -> healthyVoice.clientAudio().count() >= before + 100);
        List<Long> arrivals = healthyVoice.clientAudio().audioArrivals();
        List<Long> steady = arrivals.subList(10, arrivals.size());
        assertThat(Intervals.of(steady).meanMillis()).isCloseTo(20.0, within(1.0));
        assertThat(Intervals.shareLateOnGrid(steady, 20.0, 20.0)).isLessThan(0.15);
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(healthyVoice.clientAudio().pcm(), 5))).isCloseTo(440.0, within(2.0));
        assertThat(events).extracting(EmittedEvent::getGuildId).doesNotContain(HEALTHY);
    }

    private boolean ended(long guild) {
        return events.stream().anyMatch(event -> event instanceof TrackEndEvent end && end.getGuildId() == guild
                && end.getEndReason() == Message.EmittedEvent.TrackEndEvent.AudioTrackEndReason.LOAD_FAILED);
    }

    private boolean closed(long guild) {
        return events.stream().anyMatch(event -> event instanceof WebSocketClosedEvent closed && closed.getGuildId() == guild);
    }

    private FakeDiscordVoiceServer voice() throws Exception {
        FakeDiscordVoiceServer voice = FakeDiscordVoiceServer.start(0x0B00 + voices.size());
        voices.add(voice);
        return voice;
    }

    private static void play(LavalinkNode lavalink, long guild, Track track, FakeDiscordVoiceServer voice) {
        lavalink.updatePlayer(guild, update -> update.setVoiceState(new VoiceState("token", voice.endpoint(), "session-" + guild))
                .setTrack(track)).block(WAIT);
    }

    private static Track load(LavalinkNode lavalink, String identifier) {
        LavalinkLoadResult result = lavalink.loadItem(identifier).block(WAIT);
        assertThat(result).isInstanceOf(TrackLoaded.class);
        return ((TrackLoaded) result).getTrack();
    }
}
