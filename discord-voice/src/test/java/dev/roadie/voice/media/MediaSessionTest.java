package dev.roadie.voice.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.roadie.voice.fake.FakeVoiceUdp;
import dev.roadie.voice.fake.Recording;
import dev.roadie.voice.fake.StreamPlan;
import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.Intervals;
import dev.roadie.voice.testing.OpusTone;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A {@link MediaSession} against the fake voice server's UDP side alone, on loopback. */
class MediaSessionTest {

    private static final int CLIENT_SSRC = 0x1234_5678;
    private static final int FRIEND_SSRC = 0x0BAD_F00D;
    private static final long FRIEND = 380_000_000_000_000_001L;

    private FakeVoiceUdp fake;
    private MediaSession session;

    @BeforeEach
    void start_the_fake() throws Exception {
        fake = FakeVoiceUdp.start();
        session = MediaSession.open(fake.address(), CLIENT_SSRC);
    }

    @AfterEach
    void stop() {
        session.close();
        fake.close();
    }

    private void startSession(TransportMode mode, OpusFrameProvider frames, MediaListener listener) throws Exception {
        session.discoverExternalAddress(Duration.ofSeconds(5));
        byte[] key = FakeVoiceUdp.newSecretKey();
        fake.useSession(mode, key);
        session.start(mode, key, EndToEnd.NONE, frames, listener);
    }

    @Test
    void ip_discovery_names_the_address_and_port_the_server_sees() throws Exception {
        var seen = session.discoverExternalAddress(Duration.ofSeconds(5));

        assertThat(seen.getHostString()).isEqualTo("127.0.0.1");
        assertThat(seen.getPort()).isEqualTo(session.localAddress().getPort());
        assertThat(fake.discoveryRequests()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TransportMode.class)
    void a_440_hz_tone_sent_is_measured_at_440_hz_on_the_server_with_20_ms_pacing(TransportMode mode) throws Exception {
        int frames = 250; // five seconds: enough gaps for the pacing statistics to mean something
        OpusTone tone = new OpusTone(440, frames);
        CountDownLatch stopped = new CountDownLatch(1);
        startSession(mode, tone, new MediaListener() {
            @Override
            public void onSendingStopped() {
                stopped.countDown();
            }
        });

        assertThat(stopped.await(15, TimeUnit.SECONDS)).as("the sender stopped after the tone").isTrue();
        Recording heard = fake.recording(CLIENT_SSRC);
        await().atMost(Duration.ofSeconds(2)).until(() -> heard.count() == frames + 5);

        assertThat(heard.silenceCount()).isEqualTo(5);
        short[] pcm = AudioMeasure.skipFrames(heard.pcm(), 5);
        assertThat(AudioMeasure.frequency(pcm)).isCloseTo(440.0, within(2.0));
        assertThat(AudioMeasure.rms(pcm)).isGreaterThan(0.2);
        // The first frames go out while the JIT is still compiling the send path; pacing is measured after them.
        List<Long> arrivals = heard.audioArrivals().subList(10, frames);
        Intervals gaps = Intervals.of(arrivals);
        // Bounds for a two-core machine under a full parallel build (load 12 to 16): there the mean
        // came within 0.6 ms of 20 and at most 7 % of frames came more than one frame behind the
        // 20 ms grid; on an idle machine, 20.00 ms and none.
        assertThat(gaps.meanMillis()).isCloseTo(20.0, within(1.0));
        assertThat(Intervals.shareLateOnGrid(arrivals, 20.0, 20.0)).isLessThan(0.15);
        assertThat(fake.refusedPackets()).isZero();
    }

    @Test
    void the_sequence_and_timestamp_advance_by_one_and_960_per_frame() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        startSession(TransportMode.AEAD_AES256_GCM_RTPSIZE, new OpusTone(440, 20), new MediaListener() {
            @Override
            public void onSendingStopped() {
                stopped.countDown();
            }
        });

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        List<Recording.Received> packets = fake.recording(CLIENT_SSRC).packets();
        await().atMost(Duration.ofSeconds(2)).until(() -> fake.recording(CLIENT_SSRC).count() == 25);
        packets = fake.recording(CLIENT_SSRC).packets();
        for (int i = 1; i < packets.size(); i++) {
            assertThat(packets.get(i).sequence()).isEqualTo((packets.get(i - 1).sequence() + 1) & 0xFFFF);
            assertThat(packets.get(i).timestamp()).isEqualTo((packets.get(i - 1).timestamp() + 960) & 0xFFFFFFFFL);
        }
    }

    @Test
    void sending_is_announced_once_per_talk_spurt_and_ends_after_five_silence_frames() throws Exception {
        QueuedFrames queue = new QueuedFrames();
        OpusTone tone = new OpusTone(440, 20);
        List<String> events = new CopyOnWriteArrayList<>();
        startSession(TransportMode.AEAD_AES256_GCM_RTPSIZE, queue, new MediaListener() {
            @Override
            public void onSendingStarted() {
                events.add("started");
            }

            @Override
            public void onSendingStopped() {
                events.add("stopped after " + fake.recording(CLIENT_SSRC).count() + " packets, " + fake.recording(CLIENT_SSRC).silenceCount() + " silent");
            }
        });
        for (int i = 0; i < 10; i++) {
            assertThat(queue.offer(tone.nextFrame())).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        await().atMost(Duration.ofSeconds(2)).until(() -> fake.recording(CLIENT_SSRC).count() == 15);
        for (int i = 0; i < 10; i++) {
            queue.offer(tone.nextFrame());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 4);

        assertThat(events.get(0)).isEqualTo("started");
        assertThat(events.get(2)).isEqualTo("started");
        assertThat(fake.recording(CLIENT_SSRC).silenceCount()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(2)).until(() -> fake.recording(CLIENT_SSRC).count() == 30);
        assertThat(session.packetsSent()).isEqualTo(30);
    }

    @ParameterizedTest
    @EnumSource(TransportMode.class)
    void a_660_hz_tone_from_another_user_is_heard_per_user_and_mixed(TransportMode mode) throws Exception {
        Listening listening = new Listening();
        startSession(mode, OpusFrameProvider.NONE, listening);
        session.mapUser(FRIEND_SSRC, FRIEND);

        FakeVoiceUdp.ToneStream stream = fake.streamTone(FRIEND_SSRC, 660, 100, StreamPlan.clean());

        assertThat(stream.awaitDone(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> listening.opusFrames.get() == 100);
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(listening.pcm(FRIEND), 5))).isCloseTo(660.0, within(2.0));
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(listening.mixed(), 5))).isCloseTo(660.0, within(2.0));
        ReceiveStats stats = session.receiveStats();
        assertThat(stats.packets()).isEqualTo(105);
        assertThat(stats.lost()).isZero();
        assertThat(stats.late()).isZero();
        assertThat(stats.refused()).isZero();
    }

    @Test
    void reordered_frames_are_put_back_in_order_and_lost_ones_concealed() throws Exception {
        Listening listening = new Listening();
        startSession(TransportMode.AEAD_AES256_GCM_RTPSIZE, OpusFrameProvider.NONE, listening);
        session.mapUser(FRIEND_SSRC, FRIEND);

        FakeVoiceUdp.ToneStream stream = fake.streamTone(FRIEND_SSRC, 660, 150,
                StreamPlan.clean().swapping(20, 40, 41 + 20, 100).losing(30, 70, 71, 120));

        assertThat(stream.awaitDone(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> listening.opusFrames.get() == 146);
        ReceiveStats stats = session.receiveStats();
        assertThat(stats.lost()).isEqualTo(4);
        assertThat(stats.concealed()).isEqualTo(4);
        assertThat(stats.late()).isZero();
        assertThat(listening.pcmBlocks.get()).as("every frame played, the lost ones concealed").isEqualTo(150);
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(listening.pcm(FRIEND), 5))).isCloseTo(660.0, within(2.0));
    }

    @Test
    void packets_from_an_unmapped_ssrc_are_counted_not_played() throws Exception {
        Listening listening = new Listening();
        startSession(TransportMode.AEAD_AES256_GCM_RTPSIZE, OpusFrameProvider.NONE, listening);

        assertThat(fake.streamTone(FRIEND_SSRC, 660, 10, StreamPlan.clean()).awaitDone(Duration.ofSeconds(5))).isTrue();

        await().atMost(Duration.ofSeconds(2)).until(() -> session.receiveStats().unmapped() == 15);
        assertThat(listening.opusFrames.get()).isZero();
    }

    @Test
    void two_users_are_heard_apart_and_together_in_the_mix() throws Exception {
        long other = FRIEND + 1;
        int otherSsrc = FRIEND_SSRC + 1;
        Listening listening = new Listening();
        startSession(TransportMode.AEAD_AES256_GCM_RTPSIZE, OpusFrameProvider.NONE, listening);
        session.mapUser(FRIEND_SSRC, FRIEND);
        session.mapUser(otherSsrc, other);

        var first = fake.streamTone(FRIEND_SSRC, 440, 100, StreamPlan.clean());
        var second = fake.streamTone(otherSsrc, 660, 100, StreamPlan.clean());

        assertThat(first.awaitDone(Duration.ofSeconds(10)) && second.awaitDone(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> listening.opusFrames.get() == 200);
        short[] mixed = AudioMeasure.skipFrames(listening.mixed(), 10);
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(listening.pcm(FRIEND), 5))).isCloseTo(440.0, within(2.0));
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(listening.pcm(other), 5))).isCloseTo(660.0, within(2.0));
        assertThat(AudioMeasure.amplitudeAt(mixed, 440)).isGreaterThan(0.3);
        assertThat(AudioMeasure.amplitudeAt(mixed, 660)).isGreaterThan(0.3);
        assertThat(AudioMeasure.amplitudeAt(mixed, 550)).isLessThan(0.05);
    }

    @Test
    void frames_go_through_the_end_to_end_layer_both_ways_and_undecryptable_ones_are_counted() throws Exception {
        Listening listening = new Listening();
        session.discoverExternalAddress(Duration.ofSeconds(5));
        byte[] key = FakeVoiceUdp.newSecretKey();
        fake.useSession(TransportMode.AEAD_AES256_GCM_RTPSIZE, key);
        fake.useEndToEnd(new Scrambling(-1));
        fake.mapUser(CLIENT_SSRC, 1L);
        CountDownLatch stopped = new CountDownLatch(1);
        OpusTone tone = new OpusTone(440, 50);
        session.start(TransportMode.AEAD_AES256_GCM_RTPSIZE, key, new Scrambling(FRIEND + 1), tone, new MediaListener() {
            @Override
            public void onSendingStopped() {
                stopped.countDown();
            }

            @Override
            public void onOpus(long userId, byte[] opusFrame) {
                listening.onOpus(userId, opusFrame);
            }

            @Override
            public void onPcm(long userId, short[] pcm) {
                listening.onPcm(userId, pcm);
            }
        });
        session.mapUser(FRIEND_SSRC, FRIEND);
        session.mapUser(FRIEND_SSRC + 1, FRIEND + 1);

        var heard = fake.streamTone(FRIEND_SSRC, 660, 60, StreamPlan.clean());
        var refused = fake.streamTone(FRIEND_SSRC + 1, 660, 10, StreamPlan.clean());

        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(heard.awaitDone(Duration.ofSeconds(10)) && refused.awaitDone(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> listening.opusFrames.get() == 60);
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(listening.pcm(FRIEND), 5))).isCloseTo(660.0, within(2.0));
        assertThat(session.receiveStats().undecryptable()).as("the second user's frames, silence frames excepted").isEqualTo(10);
        await().atMost(Duration.ofSeconds(2)).until(() -> fake.recording(CLIENT_SSRC).count() == 55);
        assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(fake.recording(CLIENT_SSRC).pcm(), 5))).isCloseTo(440.0, within(2.0));
        assertThat(fake.refusedPackets()).isZero();
    }

    @Test
    void a_tampered_packet_is_counted_as_refused_and_the_stream_plays_on() throws Exception {
        Listening listening = new Listening();
        startSession(TransportMode.AEAD_XCHACHA20_POLY1305_RTPSIZE, OpusFrameProvider.NONE, listening);
        session.mapUser(FRIEND_SSRC, FRIEND);
        byte[] forged = new TransportCipher(TransportMode.AEAD_XCHACHA20_POLY1305_RTPSIZE, FakeVoiceUdp.newSecretKey())
                .seal(new RtpHeader(1, 960, FRIEND_SSRC).encode(), OpusFrames.silence());

        fake.sendRaw(forged);
        var stream = fake.streamTone(FRIEND_SSRC, 660, 20, StreamPlan.clean());

        assertThat(stream.awaitDone(Duration.ofSeconds(5))).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> listening.opusFrames.get() == 20);
        assertThat(session.receiveStats().refused()).isEqualTo(1);
    }

    @Test
    void a_forgotten_user_is_no_longer_played() throws Exception {
        Listening listening = new Listening();
        startSession(TransportMode.AEAD_AES256_GCM_RTPSIZE, OpusFrameProvider.NONE, listening);
        session.mapUser(FRIEND_SSRC, FRIEND);
        assertThat(fake.streamTone(FRIEND_SSRC, 660, 10, StreamPlan.clean()).awaitDone(Duration.ofSeconds(5))).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> listening.opusFrames.get() == 10);

        session.forgetUser(FRIEND);
        assertThat(fake.streamTone(FRIEND_SSRC, 660, 10, StreamPlan.clean()).awaitDone(Duration.ofSeconds(5))).isTrue();

        await().atMost(Duration.ofSeconds(2)).until(() -> session.receiveStats().unmapped() == 15);
        assertThat(listening.opusFrames.get()).isEqualTo(10);
        assertThat(session.receiveStats().packets()).as("the forgotten user's counts stay in the totals").isEqualTo(15);
    }

    /**
     * A stand-in end-to-end layer: flips every byte and adds a marker, and cannot open frames
     * of the user it has no key for.
     */
    record Scrambling(long userWithoutKey) implements EndToEnd {
        @Override
        public byte[] protect(byte[] opusFrame) {
            byte[] out = java.util.Arrays.copyOf(opusFrame, opusFrame.length + 1);
            for (int i = 0; i < opusFrame.length; i++) {
                out[i] = (byte) ~opusFrame[i];
            }
            out[opusFrame.length] = 0x5A;
            return out;
        }

        @Override
        public byte[] unprotect(long userId, byte[] frame) {
            if (userId == userWithoutKey || frame[frame.length - 1] != 0x5A) {
                return null;
            }
            byte[] out = new byte[frame.length - 1];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) ~frame[i];
            }
            return out;
        }
    }

    /** Collects what the session hears. */
    static final class Listening implements MediaListener {
        final AtomicInteger opusFrames = new AtomicInteger();
        final AtomicInteger pcmBlocks = new AtomicInteger();
        final ConcurrentHashMap<Long, ByteArrayOutputStream> perUser = new ConcurrentHashMap<>();
        final ByteArrayOutputStream mixed = new ByteArrayOutputStream();

        @Override
        public void onOpus(long userId, byte[] opusFrame) {
            opusFrames.incrementAndGet();
        }

        @Override
        public void onPcm(long userId, short[] pcm) {
            pcmBlocks.incrementAndGet();
            append(perUser.computeIfAbsent(userId, any -> new ByteArrayOutputStream()), pcm);
        }

        @Override
        public void onMixed(short[] pcm) {
            append(mixed, pcm);
        }

        private static synchronized void append(ByteArrayOutputStream out, short[] pcm) {
            for (short sample : pcm) {
                out.write(sample >> 8);
                out.write(sample);
            }
        }

        short[] pcm(long userId) {
            return toShorts(perUser.get(userId));
        }

        short[] mixed() {
            return toShorts(mixed);
        }

        private static synchronized short[] toShorts(ByteArrayOutputStream out) {
            byte[] bytes = out.toByteArray();
            short[] samples = new short[bytes.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((bytes[2 * i] << 8) | (bytes[2 * i + 1] & 0xFF));
            }
            return samples;
        }
    }
}
