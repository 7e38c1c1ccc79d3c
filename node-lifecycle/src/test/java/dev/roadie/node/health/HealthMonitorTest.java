package dev.roadie.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.registry.NodeStats;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");

    private static RoutePlannerStatus block(int failing) {
        return AddressCheckTest.planner("16", AddressCheckTest.failing(failing, java.time.Duration.ofHours(1)), null);
    }

    @Test
    void only_the_route_planner_exhausts_the_block_and_only_after_enough_readings() {
        HealthMonitor monitor = new HealthMonitor(HealthThresholds.defaults().withReadings(2));
        NodeStats busy = LoadCheckTest.stats(0.99, 1, null);
        NodeStats calm = LoadCheckTest.stats(0.10, 1, null);

        assertThat(monitor.read(busy, block(0), NOW)).isEqualTo(new HealthVerdict(HealthLevel.PASSING, "", false));
        assertThat(monitor.read(busy, block(0), NOW)).isEqualTo(
                new HealthVerdict(HealthLevel.CRITICAL, "system load 0.99", false));
        assertThat(monitor.read(calm, block(15), NOW).exhausted()).isFalse();
        HealthVerdict exhausted = monitor.read(calm, block(15), NOW);
        assertThat(exhausted.exhausted()).isTrue();
        assertThat(exhausted.reason()).isEqualTo("15 of 16 addresses failing");
    }

    @Test
    void the_block_is_retired_for_its_own_reason_even_when_the_load_is_as_bad() {
        HealthMonitor monitor = new HealthMonitor(HealthThresholds.defaults().withReadings(1));
        HealthVerdict verdict = monitor.read(LoadCheckTest.stats(0.99, 1, null), block(15), NOW);

        assertThat(verdict.exhausted()).isTrue();
        assertThat(verdict.reason()).isEqualTo("system load 0.99");
        assertThat(monitor.exhaustionReason()).isEqualTo("15 of 16 addresses failing");
    }

    @Test
    void an_unreachable_node_turns_critical_and_keeps_the_reason_while_hysteresis_holds() {
        HealthMonitor monitor = new HealthMonitor(HealthThresholds.defaults().withReadings(2));
        monitor.unreachable("connection refused");
        assertThat(monitor.unreachable("connection refused"))
                .isEqualTo(new HealthVerdict(HealthLevel.CRITICAL, "node unreachable: connection refused", false));
        NodeStats calm = LoadCheckTest.stats(0.10, 1, null);
        assertThat(monitor.read(calm, null, NOW).reason()).isEqualTo("node unreachable: connection refused");
        assertThat(monitor.read(calm, new RoutePlannerStatus("x", "Inet6Address", BigInteger.TEN, java.util.List.of(),
                null), NOW).level()).isEqualTo(HealthLevel.PASSING);
    }
}
