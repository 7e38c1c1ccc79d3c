package dev.roadie.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.fake.FakeVoiceUdp;
import dev.roadie.voice.fake.Recording;
import dev.roadie.voice.gateway.VoiceOp;
import dev.roadie.voice.media.TransportMode;
import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.Intervals;
import dev.roadie.voice.testing.OpusTone;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A {@link VoiceConnection} against the whole fake Discord voice server: gateway, UDP, audio both ways. */
class VoiceConnectionEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final int BOT_SSRC = 0x0B07;
    private static final long FRIEND = 380_000_000_000_000_001L;
    private static final int FRIEND_SSRC = 0x0F12;

    private FakeDiscordVoiceServer server;
    private final Heard heard = new Heard();

    @BeforeEach
    void start() throws Exception {
        server = FakeDiscordVoiceServer.start(BOT_SSRC);
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
    }

    private VoiceConnection.Builder builder(FakeDiscordVoiceServer on) {
        return VoiceConnection.builder(new VoiceSession(on.endpoint(), "token", "session-e2e", 41L, 104L, 127L)).listener(heard);
    }

    @Test
    void a_440_hz_tone_the_bot_sends_is_heard_at_440_hz_on_the_server_paced_at_20_ms_without_loss() throws Exception {
        int frames = 150;
        try (VoiceConnection voice = builder(server).frames(new OpusTone(440, frames)).connect()) {
            await().atMost(DEADLINE).until(() -> server.clientAudio().count() == frames + 5);

            Recording audio = server.clientAudio();
            assertThat(audio.silenceCount()).isEqualTo(5);
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(audio.pcm(), 5))).isCloseTo(440.0, within(2.0));
            List<Recording.Received> packets = audio.packets();
            for (int i = 1; i < packets.size(); i++) {
                assertThat(packets.get(i).sequence()).as("no packet lost or reordered").isEqualTo((packets.get(i - 1).sequence() + 1) & 0xFFFF);
            }
            // Pacing after the first frames, sent while the JIT compiles the send path; bounds as
            // MediaSessionTest's, for a two-core machine under a full build.
            List<Long> arrivals = audio.audioArrivals().subList(10, frames);
            assertThat(Intervals.of(arrivals).meanMillis()).isCloseTo(20.0, within(1.0));
            assertThat(Intervals.shareLateOnGrid(arrivals, 20.0, 20.0)).isLessThan(0.15);
            assertThat(server.udp().refusedPackets()).isZero();

            // Speaking on with the bot's SSRC before the audio, off after the silence.
            await().atMost(DEADLINE).until(() -> server.gateway().received(VoiceOp.SPEAKING).size() == 2);
            List<JsonNode> speaking = server.gateway().received(VoiceOp.SPEAKING);
            assertThat(speaking.get(0).path("d").path("speaking").asInt()).isEqualTo(1);
            assertThat(speaking.get(0).path("d").path("ssrc").asInt()).isEqualTo(BOT_SSRC);
            assertThat(speaking.get(1).path("d").path("speaking").asInt()).isZero();
            JsonNode selected = server.gateway().received(VoiceOp.SELECT_PROTOCOL).getFirst().path("d").path("data");
            assertThat(selected.path("mode").asString()).isEqualTo(TransportMode.AEAD_AES256_GCM_RTPSIZE.wireName());
            assertThat(selected.path("port").asInt()).isEqualTo(server.udp().clientAddress().orElseThrow().getPort());
            assertThat(heard.events).startsWith("connected");
        }
    }

    @Test
    void the_bot_hears_a_660_hz_tone_from_a_user_per_user_and_mixed_over_xchacha() throws Exception {
        server.modes(List.of(TransportMode.AEAD_XCHACHA20_POLY1305_RTPSIZE.wireName()));
        try (VoiceConnection voice = builder(server).connect()) {
            await().atMost(DEADLINE).until(() -> heard.events.contains("connected"));
            FakeVoiceUdp.ToneStream stream = server.userStreamsTone(FRIEND, FRIEND_SSRC, 660, 100);

            assertThat(stream.awaitDone(DEADLINE)).isTrue();
            await().atMost(DEADLINE).until(() -> heard.opusFrames.get() == 100);
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(heard.pcm(), 5))).isCloseTo(660.0, within(2.0));
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(heard.mixed(), 5))).isCloseTo(660.0, within(2.0));
            assertThat(voice.receiveStats().lost()).isZero();
            assertThat(heard.events).contains("joined " + FRIEND, "speaking " + FRIEND + " true");
            assertThat(voice.users()).containsExactly(FRIEND);
        }
    }

    @Test
    void audio_continues_across_a_resume_after_the_gateway_drops_the_socket() throws Exception {
        OpusTone tone = new OpusTone(440, 200);
        try (VoiceConnection voice = builder(server).frames(tone).connect()) {
            await().atMost(DEADLINE).until(() -> server.clientAudio().count() >= 40);
            server.gateway().dropSocket();
            await().atMost(DEADLINE).until(() -> heard.events.stream().filter("connected"::equals).count() == 2);
            await().atMost(DEADLINE).until(() -> server.clientAudio().count() == 205);

            assertThat(heard.events).containsSubsequence("connected", "reconnecting", "connected");
            assertThat(server.gateway().received(VoiceOp.RESUME)).hasSize(1);
            assertThat(server.gateway().received(VoiceOp.IDENTIFY)).hasSize(1);
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(server.clientAudio().pcm(), 5))).isCloseTo(440.0, within(2.0));
        }
    }

    @Test
    void after_a_voice_server_update_the_audio_goes_to_the_new_server() throws Exception {
        int otherSsrc = 0x0C08;
        try (FakeDiscordVoiceServer other = FakeDiscordVoiceServer.start(otherSsrc);
             VoiceConnection voice = builder(server).frames(new OpusTone(440, 400)).connect()) {
            await().atMost(DEADLINE).until(() -> server.clientAudio().count() >= 20);
            voice.moveTo(other.endpoint(), "token-2");

            await().atMost(DEADLINE).until(() -> other.clientAudio().count() >= 100);
            int before = server.clientAudio().count();
            assertThat(other.gateway().received(VoiceOp.IDENTIFY).getFirst().path("d").path("token").asString()).isEqualTo("token-2");
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(other.clientAudio().pcm(), 5))).isCloseTo(440.0, within(2.0));
            assertThat(other.udp().refusedPackets()).isZero();
            await().during(Duration.ofMillis(200)).atMost(DEADLINE).until(() -> server.clientAudio().count() == before);
            assertThat(heard.events).containsSubsequence("connected", "reconnecting", "connected");
        }
    }

    /** What the bot's listener is told. */
    static final class Heard implements VoiceListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger opusFrames = new AtomicInteger();
        private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        private final ByteArrayOutputStream mixed = new ByteArrayOutputStream();

        @Override
        public void onConnected() {
            events.add("connected");
        }

        @Override
        public void onReconnecting(String reason) {
            events.add("reconnecting");
        }

        @Override
        public void onDisconnected(String reason) {
            events.add("disconnected: " + reason);
        }

        @Override
        public void onUserJoined(long userId) {
            events.add("joined " + userId);
        }

        @Override
        public void onSpeaking(long userId, boolean speaking) {
            events.add("speaking " + userId + " " + speaking);
        }

        @Override
        public void onOpus(long userId, OpusFrame frame) {
            opusFrames.incrementAndGet();
        }

        @Override
        public void onPcm(long userId, short[] samples) {
            if (userId == FRIEND) {
                append(pcm, samples);
            }
        }

        @Override
        public void onMixed(short[] samples) {
            append(mixed, samples);
        }

        short[] pcm() {
            return shorts(pcm);
        }

        short[] mixed() {
            return shorts(mixed);
        }

        private static synchronized void append(ByteArrayOutputStream out, short[] samples) {
            for (short sample : samples) {
                out.write(sample >> 8);
                out.write(sample);
            }
        }

        private static synchronized short[] shorts(ByteArrayOutputStream out) {
            byte[] bytes = out.toByteArray();
            short[] samples = new short[bytes.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((bytes[2 * i] << 8) | (bytes[2 * i + 1] & 0xff));
            }
            return samples;
        }
    }
}
