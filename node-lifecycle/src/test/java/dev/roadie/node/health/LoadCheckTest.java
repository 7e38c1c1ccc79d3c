package dev.roadie.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.registry.NodeStats;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoadCheckTest {
    private final LoadCheck check = new LoadCheck(HealthThresholds.defaults());

    static NodeStats stats(double systemLoad, int playing, Integer deficit) {
        return new NodeStats(playing, playing, 1000, null, new NodeStats.Cpu(2, systemLoad, 0.1),
                deficit == null ? null : new NodeStats.FrameStats(playing * 3000 - deficit, 0, deficit));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(0.30, 2, null, HealthLevel.PASSING, ""),
                Arguments.of(0.79, 2, null, HealthLevel.PASSING, ""),
                Arguments.of(0.80, 2, null, HealthLevel.WARNING, "system load 0.80"),
                Arguments.of(0.95, 2, null, HealthLevel.CRITICAL, "system load 0.95"),
                // 2 players expect 6000 frames a minute: 300 missing is 5 %, 1200 is 20 %.
                Arguments.of(0.10, 2, 299, HealthLevel.PASSING, ""),
                Arguments.of(0.10, 2, 300, HealthLevel.WARNING, "frame deficit 5%"),
                Arguments.of(0.10, 2, 1200, HealthLevel.CRITICAL, "frame deficit 20%"),
                // No playing player: a deficit means nothing.
                Arguments.of(0.10, 0, 500, HealthLevel.PASSING, ""),
                // The worse of the two wins.
                Arguments.of(0.85, 2, 1500, HealthLevel.CRITICAL, "frame deficit 25%"));
    }

    @ParameterizedTest(name = "load {0}, {1} playing, deficit {2}: {3}")
    @MethodSource("table")
    void load_and_frame_deficit_are_judged_against_the_thresholds(double load, int playing, Integer deficit,
            HealthLevel level, String reason) {
        Finding finding = check.judge(stats(load, playing, deficit));
        assertThat(finding.level()).isEqualTo(level);
        assertThat(finding.reason()).isEqualTo(reason);
    }
}
