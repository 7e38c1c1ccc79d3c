package dev.roadie.voice.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransportCipherTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    private static final RtpHeader HEADER = new RtpHeader(0x1234, 0x56789ABCL, 0xCAFEBABE);
    private static final byte[] PLAIN = "Roadie says hello over RTP".getBytes(StandardCharsets.US_ASCII);

    /*
     * Known answers from the docs' description of the rtpsize modes (key 00..1f, the header
     * above as additional data, counter 0x01020304 big-endian in front of a zero-filled nonce and
     * appended to the packet), computed with Node's crypto rather than the JDK or Tink: see
     * src/test/resources/vectors/transport-vectors.js.
     */
    @Test
    void aes_gcm_seals_as_the_known_answer_says() throws Exception {
        String expected = "8078123456789abccafebabe733abc397ef458029a9ee49bd8a5db029f3f3587b5d329011ca1a57d63ffc3be93c9343b8ad765b4fc9b01020304";
        TransportCipher cipher = new TransportCipher(TransportMode.AEAD_AES256_GCM_RTPSIZE, KEY, 0x01020304L);

        byte[] packet = cipher.seal(HEADER.encode(), PLAIN);

        assertThat(HEX.formatHex(packet)).isEqualTo(expected);
        assertThat(cipher.open(HEX.parseHex(expected), expected.length() / 2).frame()).isEqualTo(PLAIN);
    }

    @Test
    void xchacha20_poly1305_seals_as_the_known_answer_says() throws Exception {
        String expected = "8078123456789abccafebabe24077128f70f626ce79a06a7983c489c53653b15d1a6718cbfe34aeb0a8f71ad0089235e5793f0a8f8b801020304";
        TransportCipher cipher = new TransportCipher(TransportMode.AEAD_XCHACHA20_POLY1305_RTPSIZE, KEY, 0x01020304L);

        byte[] packet = cipher.seal(HEADER.encode(), PLAIN);

        assertThat(HEX.formatHex(packet)).isEqualTo(expected);
        assertThat(cipher.open(HEX.parseHex(expected), expected.length() / 2).frame()).isEqualTo(PLAIN);
    }

    @ParameterizedTest
    @EnumSource(TransportMode.class)
    void a_sealed_packet_opens_to_its_header_and_frame(TransportMode mode) throws Exception {
        TransportCipher sender = new TransportCipher(mode, KEY);
        TransportCipher receiver = new TransportCipher(mode, KEY);

        byte[] packet = sender.seal(HEADER.encode(), PLAIN);
        OpenedPacket opened = receiver.open(packet, packet.length);

        assertThat(opened.header()).isEqualTo(HEADER);
        assertThat(opened.frame()).isEqualTo(PLAIN);
        assertThat(packet).hasSize(RtpHeader.LENGTH + PLAIN.length + TransportCipher.TAG_LENGTH + TransportCipher.NONCE_SUFFIX_LENGTH);
    }

    @ParameterizedTest
    @EnumSource(TransportMode.class)
    void a_packet_opens_from_a_longer_receive_buffer(TransportMode mode) throws Exception {
        TransportCipher cipher = new TransportCipher(mode, KEY);
        byte[] packet = cipher.seal(HEADER.encode(), PLAIN);
        byte[] buffer = Arrays.copyOf(packet, 2048);

        assertThat(cipher.open(buffer, packet.length).frame()).isEqualTo(PLAIN);
    }

    @ParameterizedTest
    @EnumSource(TransportMode.class)
    void the_header_extension_is_authenticated_but_its_body_is_encrypted_and_stripped(TransportMode mode) throws Exception {
        byte[] fixed = HEADER.encode();
        fixed[0] |= 0x10;
        byte[] header = ByteBuffer.allocate(16).put(fixed).putShort((short) 0xBEDE).putShort((short) 2).array();
        byte[] body = {0x10, 0x55, 0, 0, 0x21, 1, 2, 0};
        byte[] payload = ByteBuffer.allocate(body.length + PLAIN.length).put(body).put(PLAIN).array();
        TransportCipher cipher = new TransportCipher(mode, KEY);

        byte[] packet = cipher.seal(header, payload);

        assertThat(Arrays.copyOf(packet, 16)).as("header and preamble in the clear").isEqualTo(header);
        assertThat(indexOf(packet, body)).as("extension body not in the clear").isEqualTo(-1);
        assertThat(cipher.open(packet, packet.length).frame()).isEqualTo(PLAIN);
        byte[] preambleChanged = packet.clone();
        preambleChanged[15] = 3;
        assertThatThrownBy(() -> cipher.open(preambleChanged, preambleChanged.length)).isInstanceOf(PacketRefusedException.class);
    }

    @ParameterizedTest
    @EnumSource(TransportMode.class)
    void a_tampered_packet_is_refused_wherever_it_was_changed(TransportMode mode) {
        TransportCipher cipher = new TransportCipher(mode, KEY);
        byte[] packet = cipher.seal(HEADER.encode(), PLAIN);

        for (int at : new int[] {2, 11, 12, packet.length - 5, packet.length - 1}) {
            byte[] tampered = packet.clone();
            tampered[at] ^= 0x01;
            assertThatThrownBy(() -> cipher.open(tampered, tampered.length))
                    .as("byte %d changed", at)
                    .isInstanceOf(PacketRefusedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TransportMode.class)
    void a_packet_sealed_with_another_key_is_refused(TransportMode mode) {
        byte[] otherKey = KEY.clone();
        otherKey[0] = 1;
        byte[] packet = new TransportCipher(mode, otherKey).seal(HEADER.encode(), PLAIN);

        assertThatThrownBy(() -> new TransportCipher(mode, KEY).open(packet, packet.length))
                .isInstanceOf(PacketRefusedException.class)
                .hasMessageContaining(mode.wireName());
    }

    @Test
    void a_packet_too_short_to_hold_a_tag_is_refused() {
        TransportCipher cipher = new TransportCipher(TransportMode.AEAD_AES256_GCM_RTPSIZE, KEY);

        assertThatThrownBy(() -> cipher.open(HEADER.encode(), 12)).isInstanceOf(PacketRefusedException.class).hasMessageContaining("too short");
    }

    @ParameterizedTest
    @EnumSource(TransportMode.class)
    void the_nonce_counter_counts_up_by_one_and_never_repeats(TransportMode mode) {
        TransportCipher cipher = new TransportCipher(mode, KEY);
        Set<Integer> seen = new HashSet<>();

        for (int i = 0; i < 2000; i++) {
            byte[] packet = cipher.seal(HEADER.encode(), PLAIN);
            int counter = ByteBuffer.wrap(packet, packet.length - 4, 4).getInt();
            assertThat(counter).isEqualTo(i);
            assertThat(seen.add(counter)).isTrue();
        }
    }

    @Test
    void sealing_refuses_rather_than_wrap_the_nonce_counter() {
        TransportCipher cipher = new TransportCipher(TransportMode.AEAD_AES256_GCM_RTPSIZE, KEY, 0xFFFF_FFFFL);
        byte[] last = cipher.seal(HEADER.encode(), PLAIN);

        assertThat(Arrays.copyOfRange(last, last.length - 4, last.length)).isEqualTo(new byte[] {-1, -1, -1, -1});
        assertThatThrownBy(() -> cipher.seal(HEADER.encode(), PLAIN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reconnect");
    }

    @Test
    void a_key_that_is_not_32_bytes_is_refused_with_what_it_should_be() {
        assertThatThrownBy(() -> new TransportCipher(TransportMode.AEAD_AES256_GCM_RTPSIZE, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
