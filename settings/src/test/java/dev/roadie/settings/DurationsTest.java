package dev.roadie.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, PT0.25S",
        "15s, PT15S",
        "5m, PT5M",
        "1h, PT1H",
        "2d, PT48H",
        "0s, PT0S",
        "' 15 s ', PT15S",
        "1500ms, PT1.5S",
    })
    void reads_every_unit(String text, Duration expected) {
        assertThat(Durations.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"15", "", "s", "1.5s", "-1s", "15S", "15sec", "PT15S", "1h30m", "15 seconds",
        "999999999999999999d"})
    void refuses_anything_else(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PT0.25S, 250ms", "PT15S, 15s", "PT5M, 5m", "PT1H, 1h", "PT48H, 2d", "PT1.5S, 1500ms", "PT90S, 90s",
        "PT0S, 0s"})
    void writes_the_largest_exact_unit(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
        assertThat(Durations.parse(expected)).contains(duration);
    }
}
