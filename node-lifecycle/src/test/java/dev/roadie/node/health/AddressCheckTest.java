package dev.roadie.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.node.health.FailingAddress;
import dev.roadie.node.health.RoutePlannerStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AddressCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");
    private static final BigInteger SLASH_64 = BigInteger.TWO.pow(64);

    /** {@code count} addresses that failed {@code ago} before NOW. */
    static List<FailingAddress> failing(int count, Duration ago) {
        return IntStream.range(0, count)
                .mapToObj(i -> new FailingAddress("/203.0.113." + i, NOW.minus(ago).toEpochMilli())).toList();
    }

    static RoutePlannerStatus planner(String size, List<FailingAddress> failing, String blockIndex) {
        return new RoutePlannerStatus("RotatingIpRoutePlanner", "Inet4Address", new BigInteger(size), failing,
                blockIndex == null ? null : new BigInteger(blockIndex));
    }

    static Stream<Arguments> table() {
        Duration old = Duration.ofHours(2);
        Duration fresh = Duration.ofSeconds(10);
        return Stream.of(
                Arguments.of("16", failing(0, old), HealthLevel.PASSING, ""),
                Arguments.of("16", failing(7, old), HealthLevel.PASSING, ""),
                Arguments.of("16", failing(8, old), HealthLevel.WARNING, "8 of 16 addresses failing"),
                Arguments.of("16", failing(15, old), HealthLevel.CRITICAL, "15 of 16 addresses failing"),
                // A /64 never fills up; failures arriving fast say the block is burnt.
                Arguments.of(SLASH_64.toString(), failing(4, fresh), HealthLevel.PASSING, ""),
                Arguments.of(SLASH_64.toString(), failing(5, fresh), HealthLevel.WARNING,
                        "5 new failing addresses in 60s"),
                Arguments.of(SLASH_64.toString(), failing(20, fresh), HealthLevel.CRITICAL,
                        "20 new failing addresses in 60s"),
                Arguments.of(SLASH_64.toString(), failing(50, old), HealthLevel.PASSING, ""),
                // A size beyond a long, as Lavalink writes a /48 (2^80).
                Arguments.of("1208925819614629174706176", failing(3, old), HealthLevel.PASSING, ""));
    }

    @ParameterizedTest(name = "block {0}: {2}")
    @MethodSource("table")
    void failing_addresses_are_judged_against_the_block_and_their_arrival(String size, List<FailingAddress> failing,
            HealthLevel level, String reason) {
        Finding finding = new AddressCheck(HealthThresholds.defaults()).judge(planner(size, failing, null), NOW);
        assertThat(finding.level()).isEqualTo(level);
        assertThat(finding.reason()).isEqualTo(reason);
    }

    @Test
    void block_index_jumps_within_the_window_make_warning_then_critical() {
        AddressCheck check = new AddressCheck(HealthThresholds.defaults());
        List<HealthLevel> levels = new ArrayList<>();
        String[] indexes = {"0", "0", "1", "1", "2", "3"};
        for (int i = 0; i < indexes.length; i++) {
            levels.add(check.judge(planner(SLASH_64.toString(), List.of(), indexes[i]), NOW.plusSeconds(i * 60L)).level());
        }
        assertThat(levels).containsExactly(HealthLevel.PASSING, HealthLevel.PASSING, HealthLevel.WARNING,
                HealthLevel.WARNING, HealthLevel.WARNING, HealthLevel.CRITICAL);
    }

    @Test
    void jumps_older_than_the_window_are_forgotten() {
        AddressCheck check = new AddressCheck(HealthThresholds.defaults());
        check.judge(planner("16", List.of(), "0"), NOW);
        assertThat(check.judge(planner("16", List.of(), "1"), NOW.plusSeconds(60)).level()).isEqualTo(HealthLevel.WARNING);
        assertThat(check.judge(planner("16", List.of(), "1"), NOW.plus(Duration.ofMinutes(12))).level())
                .isEqualTo(HealthLevel.PASSING);
    }
}
