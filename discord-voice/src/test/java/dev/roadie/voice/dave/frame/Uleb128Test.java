package dev.roadie.voice.dave.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Uleb128Test {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void values_encode_seven_bits_a_byte_lowest_group_first() {
        assertThat(HEX.formatHex(Uleb128.encode(0))).isEqualTo("00");
        assertThat(HEX.formatHex(Uleb128.encode(1))).isEqualTo("01");
        assertThat(HEX.formatHex(Uleb128.encode(127))).isEqualTo("7f");
        assertThat(HEX.formatHex(Uleb128.encode(128))).isEqualTo("8001");
        assertThat(HEX.formatHex(Uleb128.encode(624_485))).isEqualTo("e58e26");
        assertThat(HEX.formatHex(Uleb128.encode(0xFFFF_FFFFL))).isEqualTo("ffffffff0f");
        assertThat(HEX.formatHex(Uleb128.encode(-1L))).isEqualTo("ffffffffffffffffff01");
    }

    @Test
    void size_matches_the_encoding() {
        for (long value : new long[] {0, 127, 128, 16_383, 16_384, 0xFFFF_FFFFL, Long.MAX_VALUE, -1L}) {
            assertThat(Uleb128.size(value)).as("size of %d", value).isEqualTo(Uleb128.encode(value).length);
        }
    }

    @Test
    void a_reader_reads_back_consecutive_values() {
        byte[] bytes = HEX.parseHex("e58e26" + "00" + "ffffffff0f" + "ffffffffffffffffff01");
        Uleb128.Reader reader = new Uleb128.Reader(bytes, 0, bytes.length);
        assertThat(reader.next()).isEqualTo(624_485);
        assertThat(reader.next()).isZero();
        assertThat(reader.next()).isEqualTo(0xFFFF_FFFFL);
        assertThat(reader.next()).isEqualTo(-1L);
        assertThat(reader.atEnd()).isTrue();
    }

    @Test
    void a_value_cut_off_by_the_end_of_its_field_is_refused() {
        byte[] bytes = HEX.parseHex("e58e26");
        assertThatThrownBy(() -> new Uleb128.Reader(bytes, 0, 2).next()).isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void a_value_over_64_bits_is_refused() {
        byte[] bytes = HEX.parseHex("ffffffffffffffffff02");
        assertThatThrownBy(() -> new Uleb128.Reader(bytes, 0, bytes.length).next()).isInstanceOf(MalformedFrameException.class);
    }
}
