package dev.roadie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.bench.report.Results;
import dev.roadie.bench.report.Results.Better;
import org.junit.jupiter.api.Test;

class ClusterScenarioTest {

    @Test
    void the_figures_where_two_hubs_do_more_than_a_tenth_worse_than_one_are_named() {
        Results results = new Results();
        String v = "1:1 100 B at 8,000 msg/s";
        results.add("g", v, "p99", "ms", Better.LOWER, ClusterScenario.ONE_HUB, 4.0);
        results.add("g", v, "p99", "ms", Better.LOWER, ClusterScenario.TWO_HUBS, 9.5);
        results.add("g", v, "p50", "ms", Better.LOWER, ClusterScenario.ONE_HUB, 1.0);
        results.add("g", v, "p50", "ms", Better.LOWER, ClusterScenario.TWO_HUBS, 1.05);
        results.add("g", v, "achieved", "msg/s", Better.HIGHER, ClusterScenario.ONE_HUB, 8000);
        results.add("g", v, "achieved", "msg/s", Better.HIGHER, ClusterScenario.TWO_HUBS, 6000);

        assertThat(ClusterScenario.behind(results, ClusterScenario.TWO_HUBS, ClusterScenario.ONE_HUB))
                .isEqualTo("1:1 100 B at 8,000 msg/s, p99 9.50 vs 4.00 ms; 1:1 100 B at 8,000 msg/s, achieved 6,000 vs 8,000 msg/s");
    }

    @Test
    void two_hubs_as_good_as_one_are_behind_on_nothing() {
        Results results = new Results();
        results.add("g", "x", "p99", "ms", Better.LOWER, ClusterScenario.ONE_HUB, 4.0);
        results.add("g", "x", "p99", "ms", Better.LOWER, ClusterScenario.TWO_HUBS, 4.2);

        assertThat(ClusterScenario.behind(results, ClusterScenario.TWO_HUBS, ClusterScenario.ONE_HUB)).isEmpty();
    }
}
