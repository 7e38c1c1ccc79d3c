package dev.roadie.voice.dave.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameDecryptorTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ALICE = HEX.parseHex("a11ce0000000000000000000000000a1");
    private static final byte[] ALICE_NEXT_EPOCH = HEX.parseHex("a11ce0000000000000000000000000a2");
    private static final byte[] OPUS = HEX.parseHex("78" + "0102030405060708090a0b0c0d0e0f10111213141516171819");
    private static final Duration TEN_SECONDS = DaveFrames.TRANSITION_EXPIRY;

    private final ManualClock clock = new ManualClock();
    private FrameEncryptor alice;
    private FrameDecryptor fromAlice;

    @BeforeEach
    void alice_encrypts_and_we_hold_her_ratchet() {
        alice = new FrameEncryptor(UnencryptedRanges.OPUS);
        alice.useKeyRatchet(new SenderKeyRatchet(ALICE));
        fromAlice = new FrameDecryptor(clock);
        fromAlice.transitionToKeyRatchet(new SenderKeyRatchet(ALICE), TEN_SECONDS);
    }

    @Test
    void a_frame_round_trips() {
        byte[] encrypted = alice.encrypt(OPUS);

        assertThat(encrypted).isNotEqualTo(OPUS).hasSize(OPUS.length + 12);
        assertThat(fromAlice.decrypt(encrypted)).isEqualTo(OPUS);
    }

    @Test
    void a_changed_ciphertext_tag_or_nonce_byte_is_refused() {
        byte[] encrypted = alice.encrypt(OPUS);
        int tagAt = OPUS.length;
        int nonceAt = tagAt + 8;
        for (int at : new int[] {0, OPUS.length - 1, tagAt, tagAt + 7, nonceAt}) {
            byte[] tampered = encrypted.clone();
            tampered[at] ^= 0x01;
            assertThat(fromAlice.decrypt(tampered)).as("byte %d flipped", at).isNull();
        }
        assertThat(fromAlice.decrypt(encrypted)).as("the untouched frame still decrypts").isEqualTo(OPUS);
    }

    @Test
    void a_changed_unencrypted_byte_is_refused_because_it_is_authenticated() {
        byte[] video = HEX.parseHex("a1a2a3" + "00112233445566");
        FrameEncryptor withHeader = new FrameEncryptor(frame -> java.util.List.of(new UnencryptedRange(0, 3)));
        withHeader.useKeyRatchet(new SenderKeyRatchet(ALICE));
        byte[] encrypted = withHeader.encrypt(video);
        byte[] tampered = encrypted.clone();
        tampered[1] ^= 0x01;

        assertThat(fromAlice.decrypt(tampered)).isNull();
        assertThat(fromAlice.decrypt(encrypted)).isEqualTo(video);
    }

    @Test
    void a_frame_under_another_key_is_refused() {
        FrameEncryptor mallory = new FrameEncryptor(UnencryptedRanges.OPUS);
        mallory.useKeyRatchet(new SenderKeyRatchet(HEX.parseHex("badbadbadbadbadbadbadbadbadbad00")));

        assertThat(fromAlice.decrypt(mallory.encrypt(OPUS))).isNull();
    }

    @Test
    void a_replayed_frame_is_refused() {
        byte[] encrypted = alice.encrypt(OPUS);

        assertThat(fromAlice.decrypt(encrypted)).isEqualTo(OPUS);
        assertThat(fromAlice.decrypt(encrypted)).isNull();
    }

    @Test
    void frames_out_of_order_decrypt_once_each() {
        byte[] first = alice.encrypt(OPUS);
        byte[] second = alice.encrypt(OPUS);
        byte[] third = alice.encrypt(OPUS);
        byte[] fourth = alice.encrypt(OPUS);

        assertThat(fromAlice.decrypt(first)).isEqualTo(OPUS);
        assertThat(fromAlice.decrypt(fourth)).isEqualTo(OPUS);
        assertThat(fromAlice.decrypt(third)).isEqualTo(OPUS);
        assertThat(fromAlice.decrypt(second)).isEqualTo(OPUS);
        assertThat(fromAlice.decrypt(third)).isNull();
        assertThat(fromAlice.decrypt(first)).isNull();
    }

    @Test
    void the_nonce_rolls_into_the_next_generation_and_the_old_one_expires_ten_seconds_later() {
        assertThat(fromAlice.decrypt(encryptAt(ALICE, 0x00FF_FFF0))).isEqualTo(OPUS);
        alice.useKeyRatchet(new SenderKeyRatchet(ALICE), 0x00FF_FFFD);
        byte[] lateGeneration0 = alice.encrypt(OPUS);
        byte[] lastOfGeneration0 = alice.encrypt(OPUS);
        byte[] firstOfGeneration1 = alice.encrypt(OPUS);
        byte[] secondOfGeneration1 = alice.encrypt(OPUS);
        assertThat(lastOfGeneration0).endsWith(HEX.parseHex("ffffff07" + "0f" + "fafa"));
        assertThat(firstOfGeneration1).endsWith(HEX.parseHex("80808008" + "0f" + "fafa"));
        // 2^24 frames take about 27 hours at the highest frame rate: a generation-1 frame sooner is refused.
        assertThat(fromAlice.decrypt(firstOfGeneration1)).as("generation 1 from a ratchet seconds old").isNull();
        clock.advance(Duration.ofHours(28));

        assertThat(fromAlice.decrypt(firstOfGeneration1)).isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(9));
        assertThat(fromAlice.decrypt(lastOfGeneration0)).as("a late generation-0 frame within ten seconds").isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(2));
        assertThat(fromAlice.decrypt(secondOfGeneration1)).isEqualTo(OPUS);
        assertThat(fromAlice.decrypt(lateGeneration0)).as("generation 0 after its ten seconds").isNull();
    }

    @Test
    void the_32_bit_nonce_wraps_and_the_generation_keeps_counting() {
        clock.advance(Duration.ofDays(400));
        // Step the receiver up through the generations as a sender would, within the allowed gap.
        for (int wire : new int[] {0, 200, 255}) {
            assertThat(fromAlice.decrypt(encryptAt(ALICE, (wire << 24) + 5))).as("generation %d", wire).isEqualTo(OPUS);
        }
        clock.advance(Duration.ofSeconds(11));
        alice.useKeyRatchet(new SenderKeyRatchet(ALICE), 0xFFFF_FFFF);

        byte[] wrapped = alice.encrypt(OPUS);

        assertThat(wrapped).as("nonce 0 on the wire").endsWith(HEX.parseHex("00" + "0c" + "fafa"));
        assertThat(fromAlice.decrypt(wrapped)).as("decrypted with generation 256's key").isEqualTo(OPUS);
    }

    @Test
    void the_opus_silence_frame_passes_even_without_passthrough() {
        byte[] silence = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};

        assertThat(fromAlice.passthroughAllowed()).isFalse();
        assertThat(fromAlice.decrypt(silence)).isEqualTo(silence);
    }

    @Test
    void an_unencrypted_frame_passes_only_in_passthrough_mode() {
        assertThat(fromAlice.decrypt(OPUS)).isNull();

        fromAlice.transitionToPassthroughMode(true, TEN_SECONDS);

        assertThat(fromAlice.decrypt(OPUS)).isEqualTo(OPUS);
    }

    @Test
    void a_protocol_frame_no_key_opens_never_passes_even_in_passthrough_mode() {
        FrameDecryptor stranger = new FrameDecryptor(clock);
        stranger.transitionToPassthroughMode(true, TEN_SECONDS);

        assertThat(stranger.decrypt(alice.encrypt(OPUS))).isNull();
    }

    @Test
    void passthrough_ends_ten_seconds_after_it_is_switched_off() {
        fromAlice.transitionToPassthroughMode(true, TEN_SECONDS);
        fromAlice.transitionToPassthroughMode(false, TEN_SECONDS);

        clock.advance(Duration.ofSeconds(9));
        assertThat(fromAlice.decrypt(OPUS)).isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(2));
        assertThat(fromAlice.decrypt(OPUS)).isNull();
    }

    @Test
    void frames_failing_the_protocol_frame_check_pass_through_in_passthrough_mode() {
        fromAlice.transitionToPassthroughMode(true, TEN_SECONDS);
        byte[] good = alice.encrypt(OPUS);
        int sizeAt = good.length - 3;

        byte[] tooShort = HEX.parseHex("0102030405060708090afafa");
        byte[] noMarker = good.clone();
        noMarker[good.length - 1] = (byte) 0xFB;
        byte[] footerTooSmall = good.clone();
        footerTooSmall[sizeAt] = 10;
        byte[] footerPastTheFrame = good.clone();
        footerPastTheFrame[sizeAt] = (byte) (good.length + 1);
        byte[] nonceCutOff = withFooter(HEX.parseHex("0000000000000000" + "80"));
        byte[] rangesOverlap = withFooter(HEX.parseHex("0000000000000000" + "01" + "0004" + "0202"));
        byte[] rangePastTheMedia = withFooter(HEX.parseHex("0000000000000000" + "01" + "0011"));

        for (byte[] frame : new byte[][] {tooShort, noMarker, footerTooSmall, footerPastTheFrame, nonceCutOff, rangesOverlap, rangePastTheMedia}) {
            assertThat(ProtocolFrame.parse(frame)).as(HEX.formatHex(frame)).isNull();
            assertThat(fromAlice.decrypt(frame)).as(HEX.formatHex(frame)).isEqualTo(frame);
        }
        assertThat(ProtocolFrame.parse(withFooter(HEX.parseHex("0000000000000000" + "01" + "0004" + "0402")))).isNotNull();
    }

    @Test
    void the_previous_epochs_keys_work_for_ten_seconds_after_a_transition() {
        byte[] oldEpoch = alice.encrypt(OPUS);
        byte[] oldEpochLate = alice.encrypt(OPUS);

        fromAlice.transitionToKeyRatchet(new SenderKeyRatchet(ALICE_NEXT_EPOCH), TEN_SECONDS);
        alice.useKeyRatchet(new SenderKeyRatchet(ALICE_NEXT_EPOCH));
        byte[] newEpoch = alice.encrypt(OPUS);

        assertThat(fromAlice.decrypt(newEpoch)).isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(9));
        assertThat(fromAlice.decrypt(oldEpoch)).isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(2));
        assertThat(fromAlice.decrypt(oldEpochLate)).isNull();
    }

    /** A 16-byte frame followed by {@code footer}, its size byte and the marker. */
    private static byte[] withFooter(byte[] footer) {
        byte[] frame = new byte[16 + footer.length + 3];
        System.arraycopy(footer, 0, frame, 16, footer.length);
        frame[frame.length - 3] = (byte) (footer.length + 3);
        frame[frame.length - 2] = (byte) 0xFA;
        frame[frame.length - 1] = (byte) 0xFA;
        return frame;
    }

    private static byte[] encryptAt(byte[] baseSecret, int nonce) {
        FrameEncryptor encryptor = new FrameEncryptor(UnencryptedRanges.OPUS);
        encryptor.useKeyRatchet(new SenderKeyRatchet(baseSecret), nonce - 1);
        return encryptor.encrypt(OPUS);
    }
}
