package dev.roadie.audio.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.arbjerg.lavalink.client.LavalinkClient;
import dev.arbjerg.lavalink.client.LavalinkNode;
import dev.arbjerg.lavalink.client.NodeOptions;
import dev.arbjerg.lavalink.client.event.PlayerUpdateEvent;
import dev.arbjerg.lavalink.client.event.TrackEndEvent;
import dev.arbjerg.lavalink.client.event.WebSocketClosedEvent;
import dev.arbjerg.lavalink.client.player.FilterBuilder;
import dev.arbjerg.lavalink.client.player.LavalinkLoadResult;
import dev.arbjerg.lavalink.client.player.Track;
import dev.arbjerg.lavalink.client.player.TrackLoaded;
import dev.arbjerg.lavalink.protocol.v4.Message;
import dev.arbjerg.lavalink.protocol.v4.Timescale;
import dev.arbjerg.lavalink.protocol.v4.VoiceState;
import dev.roadie.audio.AudioNode;
import dev.roadie.audio.AudioNodeConfig;
import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.fake.Recording;
import dev.roadie.voice.gateway.VoiceOp;
import dev.roadie.voice.media.OpusFrames;
import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.Intervals;
import dev.roadie.voice.testing.OpusDecoding;
import dev.roadie.voice.testing.Wav;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Java {@code lavalink-client} plays through the node into the fake Discord voice
 * server, which decrypts and decodes what arrives: the tone, its pacing, a seek, a pause, a volume
 * change and a filter are checked on the audio itself.
 */
class VoiceEndToEndTest {
    private static final String PASSWORD = "youshallnotpass";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long GUILD = 41L;
    private static final int SSRC = 0x0B07;

    @TempDir
    Path folder;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private AudioNode node;
    private FakeDiscordVoiceServer voice;
    private HttpServer files;
    private LavalinkClient client;
    private LavalinkNode lavalink;
    private final LinkedBlockingQueue<TrackEndEvent> ends = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<WebSocketClosedEvent> closes = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<PlayerUpdateEvent> updates = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(1))).start();
        voice = FakeDiscordVoiceServer.start(SSRC);
        // 0 to 10 s at 440 Hz, 10 to 20 s at 660 Hz: what plays after a seek says where it went. Long
        // enough that lavaplayer, decoding 5 s ahead, has not read the whole file when the seek comes.
        byte[] twoTones = Wav.tones(new double[] {440, 660}, 10);
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/two-tones.wav", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            // lavaplayer seeks in an HTTP file by asking for the rest from a byte on, as web servers answer.
            String range = exchange.getRequestHeaders().getFirst("Range");
            int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
            if (from > 0) {
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (twoTones.length - 1) + "/" + twoTones.length);
            }
            exchange.sendResponseHeaders(from > 0 ? 206 : 200, twoTones.length - from);
            try (var body = exchange.getResponseBody()) {
                body.write(twoTones, from, twoTones.length - from);
            }
        });
        files.start();
        client = new LavalinkClient(104L);
        client.on(TrackEndEvent.class).subscribe(ends::add);
        client.on(WebSocketClosedEvent.class).subscribe(closes::add);
        client.on(PlayerUpdateEvent.class).subscribe(updates::add);
        lavalink = client.addNode(new NodeOptions.Builder().setName("roadie")
                .setServerUri("ws://127.0.0.1:" + node.port()).setPassword(PASSWORD).build());
        await().atMost(WAIT).until(lavalink::getAvailable);
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        files.stop(0);
        node.close();
        voice.close();
    }

    @Test
    void a_local_440_hz_file_is_heard_at_440_hz_on_the_voice_server_paced_at_20_ms() throws Exception {
        Track track = load(localTone(440, 3));
        play(track);

        TrackEndEvent end = ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(end).isNotNull();
        assertThat(end.getEndReason()).isEqualTo(Message.EmittedEvent.TrackEndEvent.AudioTrackEndReason.FINISHED);
        // After the track, five silence frames end the talk spurt.
        await().atMost(WAIT).until(() -> voice.clientAudio().silenceCount() == 5);

        Recording audio = voice.clientAudio();
        List<Long> arrivals = audio.audioArrivals();
        assertThat(arrivals.size()).as("3 s of 20 ms frames").isBetween(148, 151);
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(audio.pcm(), 5))).isCloseTo(440.0, within(2.0));
        // Pacing once the JIT has compiled the path; the bounds of discord-voice's own tests, for a
        // two-core machine under a full build.
        List<Long> steady = arrivals.subList(10, arrivals.size());
        assertThat(Intervals.of(steady).meanMillis()).isCloseTo(20.0, within(1.0));
        assertThat(Intervals.shareLateOnGrid(steady, 20.0, 20.0)).isLessThan(0.15);
        assertThat(voice.udp().refusedPackets()).isZero();
    }

    @Test
    void an_http_served_file_plays_and_a_seek_is_heard_where_it_went() throws Exception {
        Track track = load("http://127.0.0.1:" + files.getAddress().getPort() + "/two-tones.wav");
        assertThat(track.getInfo().getSourceName()).isEqualTo("http");
        play(track);
        await().atMost(WAIT).until(() -> voice.clientAudio().audioArrivals().size() >= 60);
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(voice.clientAudio().pcm(), 5))).isCloseTo(440.0, within(2.0));

        int before = voice.clientAudio().count();
        lavalink.updatePlayer(GUILD, update -> update.setPosition(12_000L)).block(WAIT);
        // The frames lavaplayer had buffered may play out until the seek is decoded; then 660 Hz.
        await().atMost(WAIT).until(() -> voice.clientAudio().count() >= before + 40
                && Math.abs(lastFrequency(voice.clientAudio(), 40) - 660.0) <= 2.0);
        // Not the tone's own change at 10 s: that is 9 s of playing away.
        assertThat(voice.clientAudio().count() - before).as("frames until the seek was heard").isLessThan(200);
    }

    @Test
    void a_pause_sends_five_silence_frames_then_nothing_and_play_resumes_the_tone() throws Exception {
        play(load(localTone(440, 5)));
        await().atMost(WAIT).until(() -> voice.clientAudio().audioArrivals().size() >= 30);

        lavalink.updatePlayer(GUILD, update -> update.setPaused(true)).block(WAIT);
        await().atMost(WAIT).until(() -> voice.clientAudio().silenceCount() == 5);
        int paused = voice.clientAudio().count();
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> voice.clientAudio().count() == paused);

        lavalink.updatePlayer(GUILD, update -> update.setPaused(false)).block(WAIT);
        await().atMost(WAIT).until(() -> voice.clientAudio().count() >= paused + 30);
        assertThat(AudioMeasure.frequency(decode(voice.clientAudio(), paused, paused + 30))).isCloseTo(440.0, within(2.0));
    }

    @Test
    void a_volume_change_is_heard_in_the_level_and_timescale_pitch_in_the_tone() throws Exception {
        // Long enough that lavaplayer has not decoded it all when the filter comes (a filter change is
        // heard at once by decoding again from where playback is).
        play(load(localTone(440, 30)));
        await().atMost(WAIT).until(() -> voice.clientAudio().count() >= 40);
        double full = AudioMeasure.rms(decode(voice.clientAudio(), 10, 40));

        int atHalf = voice.clientAudio().count();
        lavalink.updatePlayer(GUILD, update -> update.setVolume(50)).block(WAIT);
        await().atMost(WAIT).until(() -> voice.clientAudio().count() >= atHalf + 40);
        // lavaplayer fades a volume change in over about 40 frames; measured after that.
        await().atMost(WAIT).until(() -> voice.clientAudio().count() >= atHalf + 100);
        double half = AudioMeasure.rms(decode(voice.clientAudio(), atHalf + 60, atHalf + 100));
        // lavaplayer's volume curve: level × tan(0.0079 × volume) / tan(0.0079 × 100), 0.41 at 50.
        assertThat(half / full).isCloseTo(0.41, within(0.06));

        int pitched = voice.clientAudio().count();
        lavalink.updatePlayer(GUILD, update -> update.setVolume(100)
                .setFilters(new FilterBuilder().setTimescale(new Timescale(1.0, 1.5, 1.0)).build())).block(WAIT);
        // Measured here: the new pitch arrives 1.6 to 2 s after the update (with the volume going back up
        // in it); a loaded machine may take longer, so the last 40 frames are awaited at 660 Hz.
        await().atMost(WAIT).until(() -> voice.clientAudio().count() >= pitched + 40
                && Math.abs(lastFrequency(voice.clientAudio(), 40) - 660.0) <= 2.0);
        assertThat(voice.clientAudio().count() - pitched).as("frames until the pitch was heard").isLessThan(500);
    }

    @Test
    void the_voice_gateway_closing_with_4014_is_a_websocket_closed_event_and_a_new_voice_state_connects_again() throws Exception {
        Track track = load(localTone(440, 8));
        play(track);
        await().atMost(WAIT).until(() -> voice.clientAudio().count() >= 20);
        await().atMost(WAIT).until(() -> connected());

        voice.gateway().closeWith(4014, "Disconnected");
        WebSocketClosedEvent closed = closes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(closed).isNotNull();
        assertThat(closed.getGuildId()).isEqualTo(GUILD);
        assertThat(closed.getCode()).isEqualTo(4014);
        assertThat(closed.getByRemote()).isTrue();
        await().atMost(WAIT).until(() -> !connected());

        try (FakeDiscordVoiceServer other = FakeDiscordVoiceServer.start(0x0C08)) {
            lavalink.updatePlayer(GUILD, update -> update.setVoiceState(new VoiceState("token-2", other.endpoint(), "session-1"))
                    .setTrack(track))
                    .block(WAIT);
            await().atMost(WAIT).until(() -> other.clientAudio().count() >= 40);
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(other.clientAudio().pcm(), 5))).isCloseTo(440.0, within(2.0));
            await().atMost(WAIT).until(() -> connected());
        }
    }

    @Test
    void closes_the_connection_resumes_from_are_no_websocket_closed_event_and_the_audio_goes_on() throws Exception {
        // Lavalink reports a close only when its voice client (koe) gives up; 4015 and a dropped socket
        // (1006) it resumes from without a word, and so does the node.
        play(load(localTone(440, 6)));
        await().atMost(WAIT).until(() -> voice.clientAudio().count() >= 20 && connected());

        voice.gateway().closeWith(4015, "Voice server crashed");
        await().atMost(WAIT).until(() -> voice.gateway().received(VoiceOp.RESUME).size() == 1);
        await().atMost(WAIT).until(this::connected);
        voice.gateway().dropSocket();
        await().atMost(WAIT).until(() -> voice.gateway().received(VoiceOp.RESUME).size() == 2);
        await().atMost(WAIT).until(this::connected);

        TrackEndEvent end = ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(end).isNotNull();
        assertThat(end.getEndReason()).isEqualTo(Message.EmittedEvent.TrackEndEvent.AudioTrackEndReason.FINISHED);
        await().atMost(WAIT).until(() -> voice.clientAudio().silenceCount() == 5);
        assertThat(closes).as("WebSocketClosedEvents").isEmpty();
        // UDP never stopped: the whole 6 s arrived, and one identify began it all.
        assertThat(voice.clientAudio().audioArrivals().size()).isBetween(297, 301);
        assertThat(voice.gateway().received(VoiceOp.IDENTIFY)).hasSize(1);
    }

    @Test
    void the_ping_is_the_voice_gateways_heartbeat_round_trip_in_the_player_and_its_player_updates() throws Exception {
        // Heartbeats every 400 ms, each ACK held back 100 ms by the voice server.
        voice.gateway().heartbeatInterval(400).ackDelay(Duration.ofMillis(100));
        play(load(localTone(440, 8)));

        await().atMost(WAIT).until(() -> state().path("ping").asLong() >= 100);
        assertThat(state().path("ping").asLong()).as("REST player state.ping").isLessThan(400);
        PlayerUpdateEvent update;
        do {
            update = updates.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(update).as("a playerUpdate with the ping measured").isNotNull();
        } while (update.getState().getPing() < 0);
        assertThat(update.getGuildId()).isEqualTo(GUILD);
        assertThat(update.getState().getPing()).isBetween(100L, 399L);
        assertThat(update.getState().getConnected()).isTrue();

        // 4022 (call terminated): the connection gives up and lavalink-client, unlike on 4014, keeps the player.
        voice.gateway().closeWith(4022, "Call terminated");
        assertThat(closes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        assertThat(state().get("ping")).as("the player's state").isNotNull();
        assertThat(state().path("ping").asLong()).as("no voice connection, no ping").isEqualTo(-1);
    }

    /** The player's {@code state.connected} as the node says it now (the client's copy lags by a playerUpdate). */
    private boolean connected() throws Exception {
        return state().path("connected").asBoolean();
    }

    /** The player's {@code state} as the node says it now. */
    private tools.jackson.databind.JsonNode state() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                + "/v4/sessions/" + lavalink.getSessionId() + "/players/" + GUILD)).header("Authorization", PASSWORD).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("state");
    }

    private void play(Track track) {
        lavalink.updatePlayer(GUILD, update -> update.setVoiceState(new VoiceState("token", voice.endpoint(), "session-1"))
                .setTrack(track)).block(WAIT);
    }

    private Track load(String identifier) {
        LavalinkLoadResult result = lavalink.loadItem(identifier).block(WAIT);
        assertThat(result).isInstanceOf(TrackLoaded.class);
        return ((TrackLoaded) result).getTrack();
    }

    private String localTone(double hertz, int seconds) throws IOException {
        Path file = folder.resolve(hertz + "-" + seconds + ".wav");
        Files.write(file, Wav.tone(hertz, seconds));
        return file.toString();
    }

    /** The frequency of the last {@code frames} packets received. */
    private static double lastFrequency(Recording audio, int frames) {
        int count = audio.count();
        return AudioMeasure.frequency(decode(audio, count - frames, count));
    }

    /** The packets from {@code from} to {@code to} (arrival order, silence left out) decoded. */
    private static short[] decode(Recording audio, int from, int to) {
        List<byte[]> frames = audio.packets().subList(from, to).stream()
                .map(Recording.Received::frame)
                .filter(frame -> !OpusFrames.isSilence(frame))
                .toList();
        return OpusDecoding.decode(frames);
    }
}
