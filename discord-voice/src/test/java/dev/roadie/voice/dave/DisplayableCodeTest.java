package dev.roadie.voice.dave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DisplayableCodeTest {

    @Test
    void each_group_is_the_next_bytes_big_endian_modulo_a_power_of_ten_with_leading_zeros() {
        // 0x0000000001 = 1 -> 00001; 0xFFFFFFFFFF = 1099511627775 -> 27775; 0x0102030405 = 4328719365 -> 19365.
        byte[] data = HexFormat.of().parseHex("0000000001" + "ffffffffff" + "0102030405");

        assertThat(DisplayableCode.of(data, 15, 5)).isEqualTo("00001" + "27775" + "19365");
    }

    @Test
    void lengths_the_algorithm_does_not_allow_are_refused() {
        byte[] data = new byte[32];
        assertThatThrownBy(() -> DisplayableCode.of(data, 31, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DisplayableCode.of(data, 32, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DisplayableCode.of(new byte[10], 30, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
