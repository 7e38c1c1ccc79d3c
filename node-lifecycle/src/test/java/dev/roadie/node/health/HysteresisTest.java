package dev.roadie.node.health;

import static dev.roadie.node.health.HealthLevel.CRITICAL;
import static dev.roadie.node.health.HealthLevel.PASSING;
import static dev.roadie.node.health.HealthLevel.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HysteresisTest {

    static Stream<Arguments> sequences() {
        return Stream.of(
                // readings needed, readings offered, level after each
                Arguments.of(1, List.of(WARNING, PASSING, CRITICAL), List.of(WARNING, PASSING, CRITICAL)),
                Arguments.of(3, List.of(WARNING, WARNING, WARNING), List.of(PASSING, PASSING, WARNING)),
                Arguments.of(3, List.of(WARNING, WARNING, PASSING, WARNING), List.of(PASSING, PASSING, PASSING, PASSING)),
                Arguments.of(2, List.of(WARNING, CRITICAL, CRITICAL), List.of(PASSING, PASSING, CRITICAL)),
                Arguments.of(2, List.of(CRITICAL, CRITICAL, PASSING, CRITICAL, PASSING, PASSING),
                        List.of(PASSING, CRITICAL, CRITICAL, CRITICAL, CRITICAL, PASSING)));
    }

    @ParameterizedTest(name = "{0} readings: {1} gives {2}")
    @MethodSource("sequences")
    void a_level_changes_only_after_enough_readings_in_a_row(int needed, List<HealthLevel> readings,
            List<HealthLevel> expected) {
        Hysteresis hysteresis = new Hysteresis(needed);
        List<HealthLevel> levels = readings.stream().map(hysteresis::offer).toList();
        assertThat(levels).isEqualTo(expected);
    }

    @Test
    void zero_readings_is_refused() {
        assertThatThrownBy(() -> new Hysteresis(0)).hasMessageContaining("at least 1");
    }
}
