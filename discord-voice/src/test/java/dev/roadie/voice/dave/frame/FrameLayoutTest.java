package dev.roadie.voice.dave.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The encryptor's bytes against frames built here by hand from the whitepaper's "Payload
 * Format": the JDK's own AES-GCM (full 16-byte tag, cut to its first 8 bytes), the nonce laid
 * out by hand, the footer written byte by byte.
 */
class FrameLayoutTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] BASE_SECRET = HEX.parseHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final byte[] OPUS = HEX.parseHex("fc" + "0123456789abcdeffedcba9876543210" + "55aa55aa");

    @Test
    void an_opus_frame_is_ciphertext_then_tag_nonce_size_and_marker() throws Exception {
        FrameEncryptor encryptor = new FrameEncryptor(UnencryptedRanges.OPUS);
        encryptor.useKeyRatchet(new SenderKeyRatchet(BASE_SECRET));

        byte[] first = encryptor.encrypt(OPUS);
        byte[] second = encryptor.encrypt(OPUS);

        byte[] key = new SenderKeyRatchet(BASE_SECRET).key(0);
        // Nonce 1: eight zero bytes, then the 32-bit counter least significant byte first.
        byte[] sealed1 = jdkGcm(key, HEX.parseHex("000000000000000001000000"), OPUS, new byte[0]);
        byte[] sealed2 = jdkGcm(key, HEX.parseHex("000000000000000002000000"), OPUS, new byte[0]);
        assertThat(HEX.formatHex(first)).isEqualTo(HEX.formatHex(concat(
                Arrays.copyOf(sealed1, OPUS.length),                        // ciphertext, as long as the frame
                Arrays.copyOfRange(sealed1, OPUS.length, OPUS.length + 8),  // the tag's first 8 bytes
                HEX.parseHex("01"),                                          // nonce 1 in ULEB128
                HEX.parseHex("0c"),                                          // footer size: 8 + 1 + 1 + 2
                HEX.parseHex("fafa"))));
        assertThat(HEX.formatHex(second)).isEqualTo(HEX.formatHex(concat(
                Arrays.copyOf(sealed2, OPUS.length),
                Arrays.copyOfRange(sealed2, OPUS.length, OPUS.length + 8),
                HEX.parseHex("02"), HEX.parseHex("0c"), HEX.parseHex("fafa"))));
    }

    @Test
    void a_nonce_of_128_takes_two_uleb128_bytes() throws Exception {
        FrameEncryptor encryptor = new FrameEncryptor(UnencryptedRanges.OPUS);
        encryptor.useKeyRatchet(new SenderKeyRatchet(BASE_SECRET), 127);

        byte[] frame = encryptor.encrypt(OPUS);

        byte[] sealed = jdkGcm(new SenderKeyRatchet(BASE_SECRET).key(0), HEX.parseHex("000000000000000080000000"), OPUS, new byte[0]);
        assertThat(HEX.formatHex(frame)).isEqualTo(HEX.formatHex(concat(
                Arrays.copyOf(sealed, OPUS.length), Arrays.copyOfRange(sealed, OPUS.length, OPUS.length + 8),
                HEX.parseHex("8001"), HEX.parseHex("0d"), HEX.parseHex("fafa"))));
    }

    @Test
    void the_nonces_top_byte_picks_the_key_generation() throws Exception {
        FrameEncryptor encryptor = new FrameEncryptor(UnencryptedRanges.OPUS);
        encryptor.useKeyRatchet(new SenderKeyRatchet(BASE_SECRET), 0x00FF_FFFF);

        byte[] frame = encryptor.encrypt(OPUS);

        // Nonce 0x01000000: generation 1's key, nonce bytes 00 00 00 01, ULEB128 80 80 80 08.
        byte[] sealed = jdkGcm(new SenderKeyRatchet(BASE_SECRET).key(1), HEX.parseHex("000000000000000000000001"), OPUS, new byte[0]);
        assertThat(HEX.formatHex(frame)).isEqualTo(HEX.formatHex(concat(
                Arrays.copyOf(sealed, OPUS.length), Arrays.copyOfRange(sealed, OPUS.length, OPUS.length + 8),
                HEX.parseHex("80808008"), HEX.parseHex("0f"), HEX.parseHex("fafa"))));
    }

    @Test
    void unencrypted_ranges_stay_in_place_are_authenticated_and_listed_in_the_footer() throws Exception {
        byte[] video = HEX.parseHex("a1a2a3" + "00112233445566" + "b1b2" + "778899aabbcc");
        UnencryptedRanges twoRanges = frame -> List.of(new UnencryptedRange(0, 3), new UnencryptedRange(10, 2));
        FrameEncryptor encryptor = new FrameEncryptor(twoRanges);
        encryptor.useKeyRatchet(new SenderKeyRatchet(BASE_SECRET));

        byte[] frame = encryptor.encrypt(video);

        byte[] plaintext = HEX.parseHex("00112233445566" + "778899aabbcc");
        byte[] sealed = jdkGcm(new SenderKeyRatchet(BASE_SECRET).key(0), HEX.parseHex("000000000000000001000000"), plaintext, HEX.parseHex("a1a2a3b1b2"));
        assertThat(HEX.formatHex(frame)).isEqualTo(HEX.formatHex(concat(
                HEX.parseHex("a1a2a3"), Arrays.copyOfRange(sealed, 0, 7), HEX.parseHex("b1b2"), Arrays.copyOfRange(sealed, 7, 13),
                Arrays.copyOfRange(sealed, 13, 21),
                HEX.parseHex("01"),             // nonce
                HEX.parseHex("0003" + "0a02"),  // ranges: (0, 3), (10, 2)
                HEX.parseHex("10"),             // footer size: 8 + 1 + 4 + 1 + 2
                HEX.parseHex("fafa"))));

        FrameDecryptor decryptor = new FrameDecryptor(new ManualClock());
        decryptor.transitionToKeyRatchet(new SenderKeyRatchet(BASE_SECRET), DaveFrames.TRANSITION_EXPIRY);
        assertThat(decryptor.decrypt(frame)).isEqualTo(video);
    }

    private static byte[] jdkGcm(byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) throws Exception {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(aad);
        return gcm.doFinal(plaintext);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
