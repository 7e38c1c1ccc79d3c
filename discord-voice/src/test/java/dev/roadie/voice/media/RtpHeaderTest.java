package dev.roadie.voice.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpHeaderTest {

    @Test
    void the_header_is_version_2_payload_type_0x78_then_sequence_timestamp_and_ssrc_big_endian() {
        byte[] bytes = new RtpHeader(0xABCD, 0x01020304L, 0xDEADBEEF).encode();

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("8078abcd01020304deadbeef");
        assertThat(RtpHeader.parse(bytes)).isEqualTo(new RtpHeader(0xABCD, 0x01020304L, 0xDEADBEEF));
    }

    @Test
    void the_next_frame_adds_one_to_the_sequence_and_960_to_the_timestamp_wrapping_both() {
        RtpHeader next = new RtpHeader(65_535, 0xFFFF_FFFFL - 100, 7).next();

        assertThat(next.sequence()).isZero();
        assertThat(next.timestamp()).isEqualTo(859);
        assertThat(next.ssrc()).isEqualTo(7);
    }

    @Test
    void csrcs_and_the_extension_preamble_are_part_of_the_unencrypted_header() {
        byte[] plain = new RtpHeader(1, 2, 3).encode();
        byte[] withExtension = plain.clone();
        withExtension[0] = (byte) 0x90;
        byte[] withTwoCsrcs = plain.clone();
        withTwoCsrcs[0] = (byte) 0x82;

        assertThat(RtpHeader.unencryptedLength(plain)).isEqualTo(12);
        assertThat(RtpHeader.unencryptedLength(withExtension)).isEqualTo(16);
        assertThat(RtpHeader.unencryptedLength(withTwoCsrcs)).isEqualTo(20);
    }

    @Test
    void rtcp_is_not_taken_for_opus() {
        byte[] receiverReport = {(byte) 0x81, (byte) 0xC9, 0, 7, 0, 0, 0, 1, 0, 0, 0, 2};

        assertThat(RtpHeader.isOpusRtp(receiverReport, receiverReport.length)).isFalse();
        assertThat(RtpHeader.isOpusRtp(new RtpHeader(1, 2, 3).encode(), 12)).isTrue();
    }
}
