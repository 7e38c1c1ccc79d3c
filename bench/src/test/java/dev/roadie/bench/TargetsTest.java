package dev.roadie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.bench.report.Results;
import dev.roadie.bench.report.Results.Better;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void a_hub_at_most_the_ws_relays_cpu_in_every_cell_passes_target_1() {
        Results results = cpu(30.0, 40.0);

        Targets.judge(results, BenchOptions.parse());

        assertThat(target(results, "1. hub CPU").status()).isEqualTo("PASS");
    }

    @Test
    void a_hub_above_the_relays_cpu_in_one_cell_misses_target_1_and_names_the_cell() {
        Results results = cpu(30.0, 40.0);
        results.add("h", "1:10 2 KB at 8,000 msg/s", CpuScenario.METRIC, "µs", Better.LOWER, "roadie", 160.0);

        Targets.judge(results, BenchOptions.parse());

        Results.Target target = target(results, "1. hub CPU");
        assertThat(target.status()).isEqualTo("MISS");
        assertThat(target.detail()).contains("1:10 2 KB at 8,000 msg/s: 95.0 vs 40.0 µs (2.38x)");
    }

    @Test
    void a_hub_that_delivered_too_few_misses_target_1_whatever_its_cpu() {
        Results results = cpu(30.0, 40.0);
        results.add("h", "1:1 100 B at 8,000 msg/s", "delivered", "% of offered", Better.NEITHER, "roadie", 41.0);

        Targets.judge(results, BenchOptions.parse());

        Results.Target target = target(results, "1. hub CPU");
        assertThat(target.status()).isEqualTo("MISS");
        assertThat(target.detail()).contains("the hub delivered only 41 %");
    }

    @Test
    void target_1_with_cells_missing_is_not_measured() {
        Results results = new Results();
        results.add("h", "1:1 100 B at 2,000 msg/s", CpuScenario.METRIC, "µs", Better.LOWER, "roadie", 30.0);
        results.add("h", "1:1 100 B at 2,000 msg/s", CpuScenario.METRIC, "µs", Better.LOWER, "node-ws", 40.0);

        Targets.judge(results, BenchOptions.parse());

        Results.Target target = target(results, "1. hub CPU");
        assertThat(target.status()).isEqualTo("NOT MEASURED");
        assertThat(target.detail()).contains("1 of the 8 cells measured");
    }

    @Test
    void unpinned_the_hub_needs_one_and_a_half_times_the_relay() {
        Results passing = relay(24_000, 40.0, 16_000, 30.0);
        Results missing = relay(20_000, 4.0, 16_000, 5.0);

        Targets.judge(passing, BenchOptions.parse());
        Targets.judge(missing, BenchOptions.parse());

        assertThat(target(passing, "2. unpinned").status()).isEqualTo("PASS");
        assertThat(target(missing, "2. unpinned").status()).isEqualTo("MISS");
        assertThat(target(passing, "2. pinned").status()).isEqualTo("NOT MEASURED");
        assertThat(target(passing, "2. pinned").detail()).contains("bin/bench --pinned");
    }

    @Test
    void pinned_the_hub_needs_the_relays_rate_at_an_equal_or_better_p99() {
        Results passing = relay(16_000, 4.0, 16_000, 5.0);
        Results worseP99 = relay(16_000, 6.0, 16_000, 5.0);

        Targets.judge(passing, BenchOptions.parse("--pinned"));
        Targets.judge(worseP99, BenchOptions.parse("--pinned"));

        assertThat(target(passing, "2. pinned").status()).isEqualTo("PASS");
        assertThat(target(worseP99, "2. pinned").status()).isEqualTo("MISS");
        assertThat(target(passing, "2. unpinned").status()).isEqualTo("NOT MEASURED");
    }

    @Test
    void socket_io_ahead_on_one_figure_is_a_miss_that_names_the_figure() {
        Results results = relay(20_000, 4.0, 10_000, 5.0);
        results.add("b", "100 B, one at a time", "round trip p50", "ms", Better.LOWER, "roadie", 2.0);
        results.add("b", "100 B, one at a time", "round trip p50", "ms", Better.LOWER, "socket.io", 1.0);

        Targets.judge(results, BenchOptions.parse());

        Results.Target socketIo = target(results, "3. at least as efficient as Socket.IO");
        assertThat(socketIo.status()).isEqualTo("MISS");
        assertThat(socketIo.detail()).contains("round trip p50");
    }

    @Test
    void a_gather_to_100_level_with_socket_io_misses_target_3_where_other_ties_pass() {
        Results tie = new Results();
        tie.add("b", "100 B, one at a time", "round trip p50", "ms", Better.LOWER, "roadie", 1.0);
        tie.add("b", "100 B, one at a time", "round trip p50", "ms", Better.LOWER, "socket.io", 1.0);
        Results gatherTie = new Results();
        gatherTie.add("c", "to 100 receivers", "gather time p50", "ms", Better.LOWER, "roadie", 10.0);
        gatherTie.add("c", "to 100 receivers", "gather time p50", "ms", Better.LOWER, "socket.io", 10.0);

        Targets.judge(tie, BenchOptions.parse());
        Targets.judge(gatherTie, BenchOptions.parse());

        assertThat(target(tie, "3. at least").status()).isEqualTo("PASS");
        assertThat(target(gatherTie, "3. at least").status()).isEqualTo("MISS");
    }

    @Test
    void connections_and_start_up_are_judged_against_their_own_bounds() {
        Results results = new Results();
        results.add("d", "10,000 connections", "connections opened per second", "conn/s", Better.HIGHER, "roadie", 800);
        results.add("d", "10,000 connections", "connections opened per second", "conn/s", Better.HIGHER, "socket.io", 761);
        results.add("d", "10,000 connections", "RSS per connection", "KB", Better.LOWER, "roadie", 32.5);
        results.add("d", "10,000 connections", "RSS per connection", "KB", Better.LOWER, "socket.io", 27.5);
        results.add("f", StartupScenario.VARIANT, "start-up time", "ms", Better.LOWER, "roadie", 850);
        results.add("f", StartupScenario.VARIANT, "resident memory (RSS)", "MB", Better.LOWER, "roadie", 95);

        Targets.judge(results, BenchOptions.parse());

        assertThat(target(results, "4. connections").status()).isEqualTo("MISS");
        assertThat(target(results, "4. connections").detail()).contains("RSS per connection: Roadie 32.5 vs 27.5 KB");
        assertThat(target(results, "5. start-up").status()).isEqualTo("PASS");
    }

    @Test
    void a_run_started_on_a_machine_busier_than_its_cores_says_its_targets_are_not_a_verdict() {
        Results busy = relay(24_000, 40.0, 16_000, 30.0);
        Results quiet = relay(24_000, 40.0, 16_000, 30.0);

        Targets.judge(busy, BenchOptions.parse(), 25.3, 2);
        Targets.judge(quiet, BenchOptions.parse(), 0.4, 2);

        assertThat(target(busy, "2. unpinned").detail()).startsWith(
                "busy machine (load average 25.3 on 2 cores when the run started), not a verdict: ");
        assertThat(target(quiet, "2. unpinned").detail()).doesNotContain("busy machine");
    }

    @Test
    void a_scenario_that_did_not_run_is_not_measured_rather_than_passed() {
        Results results = new Results();

        Targets.judge(results, BenchOptions.parse());

        assertThat(results.targets()).hasSize(10)
                .allSatisfy(target -> assertThat(target.status()).isEqualTo("NOT MEASURED"));
    }

    /** Roadie and the relay in all eight cells of (h). */
    private static Results cpu(double roadie, double ws) {
        Results results = new Results();
        for (CpuScenario.Cell cell : CpuScenario.cells(false)) {
            results.add("h", cell.name(), CpuScenario.METRIC, "µs", Better.LOWER, "roadie", roadie);
            results.add("h", cell.name(), CpuScenario.METRIC, "µs", Better.LOWER, "node-ws", ws);
        }
        return results;
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
