package dev.roadie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void a_full_run_fits_in_twenty_six_minutes_by_construction() {
        Budget full = Budget.of(false);

        // The scenarios' budgets, then a minute of the whole run's deadline for starting and stopping the systems.
        assertThat(full.total()).isLessThanOrEqualTo(Duration.ofMinutes(23));
        assertThat(full.leftInRun()).isLessThanOrEqualTo(Duration.ofMinutes(24));
    }

    @Test
    void the_reconnect_scenario_fits_its_budget_in_either_run() {
        for (boolean quick : new boolean[] {true, false}) {
            assertThat(Budget.of(quick).fits(ReconnectScenario.ID, ReconnectScenario.estimate(quick))).as("quick: %s", quick)
                    .isTrue();
        }
    }

    @Test
    void the_cluster_scenario_fits_its_budget_in_either_run() {
        for (boolean quick : new boolean[] {true, false}) {
            assertThat(Budget.of(quick).fits(ClusterScenario.ID, ClusterScenario.estimate(quick))).as("quick: %s", quick)
                    .isTrue();
        }
    }

    @Test
    void a_unit_longer_than_what_is_left_does_not_fit() {
        Budget quick = Budget.of(true);

        assertThat(quick.fits("b", Duration.ofSeconds(5))).isTrue();
        quick.charge("b", System.nanoTime() - Duration.ofSeconds(8).toNanos());
        assertThat(quick.fits("b", Duration.ofSeconds(5))).isFalse();
        assertThat(quick.fits("c", Duration.ofSeconds(5))).isTrue();
    }
}
