package dev.roadie.audio.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.arbjerg.lavalink.client.LavalinkClient;
import dev.arbjerg.lavalink.client.LavalinkNode;
import dev.arbjerg.lavalink.client.NodeOptions;
import dev.arbjerg.lavalink.client.event.TrackEndEvent;
import dev.arbjerg.lavalink.client.player.LavalinkLoadResult;
import dev.arbjerg.lavalink.client.player.Track;
import dev.arbjerg.lavalink.client.player.TrackLoaded;
import dev.arbjerg.lavalink.protocol.v4.Message;
import dev.arbjerg.lavalink.protocol.v4.VoiceState;
import dev.roadie.audio.AudioNode;
import dev.roadie.audio.AudioNodeConfig;
import dev.roadie.voice.fake.FakeDaveUser;
import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.fake.Recording;
import dev.roadie.voice.gateway.VoiceOp;
import dev.roadie.voice.media.EndToEnd;
import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.Wav;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node in a call that is end-to-end encrypted (DAVE), as Discord's all are: the real Java
 * {@code lavalink-client} plays a tone through the node into the fake voice server with a DAVE user
 * in the call, and the tone is measured after decrypting with that user's keys.
 */
class VoiceDaveTest {
    private static final String PASSWORD = "youshallnotpass";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long BOT = 104L;
    private static final long GUILD = 41L;
    private static final long CHANNEL = 127_000_000_000_000_001L;
    private static final int SSRC = 0x0B07;
    private static final long FRIEND = 380_000_000_000_000_001L;
    private static final int FRIEND_SSRC = 0x0F12;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();
    private AudioNode node;
    private FakeDiscordVoiceServer voice;
    private LavalinkClient client;
    private LavalinkNode lavalink;
    private final LinkedBlockingQueue<TrackEndEvent> ends = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(1))).start();
        voice = FakeDiscordVoiceServer.startWithDave(SSRC, BOT, CHANNEL);
        client = new LavalinkClient(BOT);
        client.on(TrackEndEvent.class).subscribe(ends::add);
        lavalink = client.addNode(new NodeOptions.Builder().setName("roadie")
                .setServerUri("ws://127.0.0.1:" + node.port()).setPassword(PASSWORD).build());
        await().atMost(WAIT).until(lavalink::getAvailable);
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        node.close();
        voice.close();
    }

    @Test
    void a_440_hz_file_is_heard_at_440_hz_by_a_dave_user_and_every_frame_on_the_wire_is_a_dave_protocol_frame() throws Exception {
        Track track = tone440();
        joinTheChannel();
        assertHeardByADaveUser(track);
    }

    @Test
    void without_a_channel_id_the_node_commits_the_group_under_the_id_the_gateway_names_and_is_heard() throws Exception {
        // As the Java lavalink-client 3.2.0 gives it: no channelId. The friend's commits are held back,
        // so the group forms only if the node's own commit is the call's: it takes the group id from the
        // gateway's proposals.
        voice.usersWithholdCommits();
        Track track = tone440();
        lavalink.updatePlayer(GUILD, update -> update.setVoiceState(new VoiceState("token", voice.endpoint(), "session-dave")))
                .block(WAIT);
        assertHeardByADaveUser(track);
        assertThat(voice.dave().lastCommitter()).isEqualTo(BOT);
    }

    /** A DAVE user joins the call the node is in; the track plays to it, end-to-end encrypted. */
    private void assertHeardByADaveUser(Track track) throws Exception {
        await().atMost(WAIT).until(this::connected);
        assertThat(voice.gateway().received(VoiceOp.IDENTIFY).getFirst()
                .path("d").path("max_dave_protocol_version").asInt()).as("DAVE offered in identify").isEqualTo(1);

        FakeDaveUser friend = voice.daveUserJoins(FRIEND, FRIEND_SSRC);
        // The group forms with the node's bot in it, and the friend sends and expects encrypted frames.
        await().atMost(WAIT).until(() -> friend.epoch() >= 1 && !friend.frames().sendingPassthrough()
                && voice.dave().members().contains(BOT) && voice.dave().members().contains(FRIEND));

        // Counts how the bot's frames cross the server: a DAVE protocol frame ends with the 0xFAFA marker.
        AtomicInteger protocolFrames = new AtomicInteger();
        AtomicInteger plainFrames = new AtomicInteger();
        EndToEnd friendKeys = friend.frames();
        voice.udp().useEndToEnd(new EndToEnd() {
            @Override
            public byte[] protect(byte[] opusFrame) {
                return friendKeys.protect(opusFrame);
            }

            @Override
            public byte[] unprotect(long userId, byte[] frame) {
                boolean marked = frame.length > 2 && (frame[frame.length - 1] & 0xff) == 0xFA
                        && (frame[frame.length - 2] & 0xff) == 0xFA;
                (marked ? protocolFrames : plainFrames).incrementAndGet();
                return friendKeys.unprotect(userId, frame);
            }
        });

        lavalink.updatePlayer(GUILD, update -> update.setTrack(track)).block(WAIT);
        TrackEndEvent end = ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(end).isNotNull();
        assertThat(end.getEndReason()).isEqualTo(Message.EmittedEvent.TrackEndEvent.AudioTrackEndReason.FINISHED);
        await().atMost(WAIT).until(() -> voice.clientAudio().silenceCount() == 5);

        Recording audio = voice.clientAudio();
        assertThat(audio.audioArrivals().size()).as("3 s of 20 ms frames, each opened with the friend's keys").isBetween(148, 151);
        assertThat(plainFrames.get()).as("frames that crossed without DAVE").isZero();
        assertThat(protocolFrames.get()).isEqualTo(audio.count());
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(audio.pcm(), 5))).isCloseTo(440.0, within(2.0));
        assertThat(voice.udp().refusedPackets()).isZero();
    }

    private Track tone440() throws Exception {
        Path file = folder.resolve("440.wav");
        Files.write(file, Wav.tone(440, 3));
        return load(file.toString());
    }

    /**
     * The voice state with its {@code channelId}, which DAVE names the call's group after: sent as a
     * Lavalink 4.2 client sends it, since the Java {@code lavalink-client} 3.2.0 has no field for it.
     */
    private void joinTheChannel() throws Exception {
        String body = JSON.writeValueAsString(Map.of("voice", Map.of("token", "token",
                "endpoint", voice.endpoint(), "sessionId", "session-dave", "channelId", Long.toString(CHANNEL))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(playerUri())
                .header("Authorization", PASSWORD).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The player's {@code state.connected} as the node says it now. */
    private boolean connected() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(playerUri()).header("Authorization", PASSWORD).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("state").path("connected").asBoolean();
    }

    private URI playerUri() {
        return URI.create("http://127.0.0.1:" + node.port() + "/v4/sessions/" + lavalink.getSessionId() + "/players/" + GUILD);
    }

    private Track load(String identifier) {
        LavalinkLoadResult result = lavalink.loadItem(identifier).block(WAIT);
        assertThat(result).isInstanceOf(TrackLoaded.class);
        return ((TrackLoaded) result).getTrack();
    }
}
