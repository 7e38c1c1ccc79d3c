package dev.roadie.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.roadie.voice.VoiceConnectionEndToEndTest.Heard;
import dev.roadie.voice.dave.DaveSession;
import dev.roadie.voice.fake.FakeDaveUser;
import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.fake.FakeVoiceUdp;
import dev.roadie.voice.fake.Recording;
import dev.roadie.voice.gateway.VoiceOp;
import dev.roadie.voice.media.EndToEnd;
import dev.roadie.voice.media.QueuedFrames;
import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.OpusTone;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A call that goes end-to-end encrypted: the bot's DaveSession in a group with a user the fake runs. */
class VoiceConnectionDaveTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int BOT_SSRC = 0x0B07;
    private static final long BOT = 104_000_000_000_000_001L;
    private static final long CHANNEL = 127_000_000_000_000_001L;
    private static final long FRIEND = 380_000_000_000_000_001L;
    private static final int FRIEND_SSRC = 0x0F12;
    private static final long SECOND = 380_000_000_000_000_002L;
    private static final int SECOND_SSRC = 0x0F13;

    private FakeDiscordVoiceServer server;
    private final Heard heard = new Heard();

    @BeforeEach
    void start() throws Exception {
        server = FakeDiscordVoiceServer.startWithDave(BOT_SSRC, BOT, CHANNEL);
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
    }

    @Test
    void audio_both_ways_is_end_to_end_encrypted_once_the_group_forms() throws Exception {
        DaveSession dave = new DaveSession();
        QueuedFrames toSend = new QueuedFrames(500);
        VoiceSession session = new VoiceSession(server.endpoint(), "token", "session-dave", 41L, BOT, CHANNEL);
        try (VoiceConnection voice = VoiceConnection.builder(session).dave(dave).frames(toSend).listener(heard).connect()) {
            await().atMost(DEADLINE).until(() -> heard.events.contains("connected"));
            assertThat(server.gateway().received(VoiceOp.IDENTIFY).getFirst().path("d").path("max_dave_protocol_version").asInt()).isEqualTo(1);

            FakeDaveUser friend = server.daveUserJoins(FRIEND, FRIEND_SSRC);
            // The group forms: both in the same epoch, the transition executed on both sides.
            await().atMost(DEADLINE).until(() -> dave.epoch() >= 1 && friend.epoch() == dave.epoch()
                    && !dave.frames().sendingPassthrough() && !friend.frames().sendingPassthrough());
            assertThat(server.dave().members()).containsExactlyInAnyOrder(BOT, FRIEND);
            // At the first try: no welcome or proposal spoilt by MLS work on two threads at once (see MlsLock).
            assertThat(dave.epoch()).isEqualTo(1);
            assertThat(server.dave().commitsAccepted()).isEqualTo(1);
            assertThat(dave.memberUserIds()).containsExactlyInAnyOrder(BOT, FRIEND);

            // What crosses the server on the bot's SSRC is DAVE protocol frames, opened only with the friend's keys.
            AtomicInteger protocolFrames = new AtomicInteger();
            AtomicInteger plainFrames = new AtomicInteger();
            EndToEnd friendFrames = friend.frames();
            server.udp().useEndToEnd(new EndToEnd() {
                @Override
                public byte[] protect(byte[] opusFrame) {
                    return friendFrames.protect(opusFrame);
                }

                @Override
                public byte[] unprotect(long userId, byte[] frame) {
                    boolean marked = frame.length > 2 && (frame[frame.length - 1] & 0xff) == 0xFA && (frame[frame.length - 2] & 0xff) == 0xFA;
                    (marked ? protocolFrames : plainFrames).incrementAndGet();
                    return friendFrames.unprotect(userId, frame);
                }
            });

            OpusTone tone = new OpusTone(440, 100);
            for (int i = 0; i < 100; i++) {
                toSend.offer(tone.nextFrame());
            }
            Recording audio = server.clientAudio();
            await().atMost(DEADLINE).until(() -> audio.count() == 105);
            assertThat(plainFrames.get()).as("frames that crossed without DAVE").isZero();
            assertThat(protocolFrames.get()).isEqualTo(105);
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(audio.pcm(), 5))).isCloseTo(440.0, within(2.0));

            FakeVoiceUdp.ToneStream stream = server.streamTone(FRIEND_SSRC, 660, 100);
            assertThat(stream.awaitDone(DEADLINE)).isTrue();
            await().atMost(DEADLINE).until(() -> heard.opusFrames.get() >= 100);
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(heard.pcm(), 5))).isCloseTo(660.0, within(2.0));
            assertThat(voice.receiveStats().undecryptable()).isZero();
        }
    }

    @Test
    void audio_stays_end_to_end_encrypted_across_the_epoch_change_when_another_user_joins() throws Exception {
        DaveSession dave = new DaveSession();
        QueuedFrames toSend = new QueuedFrames(500);
        VoiceSession session = new VoiceSession(server.endpoint(), "token", "session-dave", 41L, BOT, CHANNEL);
        try (VoiceConnection voice = VoiceConnection.builder(session).dave(dave).frames(toSend).listener(heard).connect()) {
            await().atMost(DEADLINE).until(() -> heard.events.contains("connected"));
            FakeDaveUser friend = server.daveUserJoins(FRIEND, FRIEND_SSRC);
            await().atMost(DEADLINE).until(() -> dave.epoch() == 1 && friend.epoch() == 1 && !dave.frames().sendingPassthrough());

            FakeDaveUser second = server.daveUserJoins(SECOND, SECOND_SSRC);
            await().atMost(DEADLINE).until(() -> dave.epoch() == 2 && second.epoch() == 2 && friend.epoch() == 2
                    && !second.frames().sendingPassthrough());
            assertThat(dave.memberUserIds()).containsExactlyInAnyOrder(BOT, FRIEND, SECOND);
            // The bot sends with the new epoch's key once it has executed the transition: until a frame it
            // protects opens with the newcomer's keys (a probe costs one nonce, as a frame would).
            byte[] probe = new OpusTone(440, 1).nextFrame();
            await().atMost(DEADLINE).until(() -> second.frames().unprotect(BOT, dave.frames().protect(probe)) != null);

            // The newcomer (whose keys the fake now opens frames with) hears the bot, and the bot hears it.
            OpusTone tone = new OpusTone(440, 100);
            for (int i = 0; i < 100; i++) {
                toSend.offer(tone.nextFrame());
            }
            Recording audio = server.clientAudio();
            await().atMost(DEADLINE).until(() -> audio.count() == 105);
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(audio.pcm(), 5))).isCloseTo(440.0, within(2.0));
            FakeVoiceUdp.ToneStream stream = server.streamTone(SECOND_SSRC, 660, 100);
            assertThat(stream.awaitDone(DEADLINE)).isTrue();
            await().atMost(DEADLINE).until(() -> heard.opusFrames.get() >= 100);
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(heard.mixed(), 5))).isCloseTo(660.0, within(2.0));
            assertThat(voice.receiveStats().undecryptable()).isZero();
        }
    }

    @Test
    void without_the_channel_id_the_bot_commits_the_group_under_the_id_the_gateways_proposals_name() throws Exception {
        // The user's commits never reach the gateway, so the group forms only by the bot's commit; the
        // bot was given no channel (as a Lavalink client without voice.channelId gives none).
        server.usersWithholdCommits();
        DaveSession dave = new DaveSession();
        VoiceSession session = new VoiceSession(server.endpoint(), "token", "session-dave", 41L, BOT, 0L);
        try (VoiceConnection voice = VoiceConnection.builder(session).dave(dave).frames(new QueuedFrames(500)).listener(heard).connect()) {
            await().atMost(DEADLINE).until(() -> heard.events.contains("connected"));
            FakeDaveUser friend = server.daveUserJoins(FRIEND, FRIEND_SSRC);

            await().atMost(DEADLINE).until(() -> dave.epoch() == 1 && friend.epoch() == 1
                    && !dave.frames().sendingPassthrough() && !friend.frames().sendingPassthrough());
            assertThat(server.dave().lastCommitter()).isEqualTo(BOT);
            assertThat(server.dave().members()).containsExactlyInAnyOrder(BOT, FRIEND);
            assertThat(dave.privacyCode()).isEqualTo(friend.privacyCode());
            byte[] frame = new OpusTone(440, 1).nextFrame();
            assertThat(friend.frames().unprotect(BOT, dave.frames().protect(frame))).isEqualTo(frame);
        }
    }
}
