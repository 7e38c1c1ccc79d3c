package dev.roadie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.bench.report.Results;
import dev.roadie.bench.report.Results.Better;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void roadie_at_twice_the_ws_relay_with_a_better_p99_passes() {
        Results results = relay(20_000, 4.0, 10_000, 5.0);

        Targets.judge(results, BenchOptions.parse());

        assertThat(target(results, "2x the Node ws relay").status()).isEqualTo("PASS");
    }

    @Test
    void roadie_at_twice_the_rate_but_a_worse_p99_misses() {
        Results results = relay(20_000, 6.0, 10_000, 5.0);

        Targets.judge(results, BenchOptions.parse());

        assertThat(target(results, "2x the Node ws relay").status()).isEqualTo("MISS");
    }

    @Test
    void socket_io_ahead_on_one_figure_is_a_miss_that_names_the_figure() {
        Results results = relay(20_000, 4.0, 10_000, 5.0);
        results.add("b", "100 B, one at a time", "round trip p50", "ms", Better.LOWER, "roadie", 2.0);
        results.add("b", "100 B, one at a time", "round trip p50", "ms", Better.LOWER, "socket.io", 1.0);

        Targets.judge(results, BenchOptions.parse());

        Results.Target socketIo = target(results, "Socket.IO");
        assertThat(socketIo.status()).isEqualTo("MISS");
        assertThat(socketIo.detail()).contains("round trip p50");
    }

    @Test
    void a_scenario_that_did_not_run_is_not_measured_rather_than_passed() {
        Results results = new Results();

        Targets.judge(results, BenchOptions.parse());

        assertThat(results.targets()).allSatisfy(target -> assertThat(target.status()).isEqualTo("NOT MEASURED"));
    }

    private static Results relay(double roadie, double roadieP99, double ws, double wsP99) {
        Results results = new Results();
        results.add("a", "1:1 100 B", "sustained rate", "msg/s", Better.HIGHER, "roadie", roadie);
        results.add("a", "1:1 100 B", "p99 at sustained rate", "ms", Better.LOWER, "roadie", roadieP99);
        results.add("a", "1:1 100 B", "sustained rate", "msg/s", Better.HIGHER, "node-ws", ws);
        results.add("a", "1:1 100 B", "p99 at sustained rate", "ms", Better.LOWER, "node-ws", wsP99);
        return results;
    }

    private static Results.Target target(Results results, String name) {
        return results.targets().stream().filter(t -> t.name().contains(name)).findFirst().orElseThrow();
    }
}
