package dev.roadie.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({
        "1048576, 1048576",
        "0, 0",
        "512B, 512",
        "64KiB, 65536",
        "1MiB, 1048576",
        "4MiB, 4194304",
        "16MiB, 16777216",
        "2GiB, 2147483648",
        "' 1 MiB ', 1048576",
    })
    void reads_plain_bytes_and_binary_units(String text, long expected) {
        assertThat(Sizes.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "", "1MB", "1KB", "1mib", "1.5MiB", "-1", "MiB", "1 MiB B", "9223372036854775807GiB"})
    void refuses_anything_else(String text) {
        assertThat(Sizes.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1048576, 1MiB", "65536, 64KiB", "2147483648, 2GiB", "1000, 1000", "1536, 1536", "0, 0"})
    void writes_the_largest_exact_unit(long bytes, String expected) {
        assertThat(Sizes.format(bytes)).isEqualTo(expected);
    }
}
