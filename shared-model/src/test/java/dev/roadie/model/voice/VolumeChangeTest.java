package dev.roadie.model.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VolumeChangeTest {

    @ParameterizedTest(name = "absolute({0}) = {1}")
    @CsvSource({"-5, 0", "0, 0", "30, 30", "200, 200", "201, 200", "2147483647, 200"})
    void absolute_levels_are_clamped(int spoken, int level) {
        assertThat(VolumeChange.absolute(spoken)).isEqualTo(new VolumeChange(VolumeChange.Mode.ABSOLUTE, level));
    }

    @ParameterizedTest(name = "relative({0}) = {1}")
    @CsvSource({"-2147483648, -200", "-300, -200", "-10, -10", "0, 0", "10, 10", "999, 200"})
    void relative_steps_are_clamped(int spoken, int step) {
        assertThat(VolumeChange.relative(spoken)).isEqualTo(new VolumeChange(VolumeChange.Mode.RELATIVE, step));
    }

    @Test
    void the_constructor_rejects_what_the_factories_would_clamp() {
        assertThatThrownBy(() -> new VolumeChange(VolumeChange.Mode.ABSOLUTE, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VolumeChange(VolumeChange.Mode.ABSOLUTE, 201))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VolumeChange(VolumeChange.Mode.RELATIVE, -201))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VolumeChange(null, 0)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0} {1} applied to {2} = {3}")
    @CsvSource({"ABSOLUTE, 30, 100, 30", "RELATIVE, 10, 100, 110", "RELATIVE, -10, 5, 0",
            "RELATIVE, 50, 180, 200", "RELATIVE, 10, 2147483647, 200"})
    void apply_to_stays_in_range(VolumeChange.Mode mode, int value, int current, int result) {
        assertThat(new VolumeChange(mode, value).applyTo(current)).isEqualTo(result);
    }
}
