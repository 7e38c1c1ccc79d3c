package dev.roadie.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.bench.BenchOptions;
import dev.roadie.bench.Budget;
import dev.roadie.bench.report.Results.Better;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path out;

    @Test
    void the_report_shows_median_spread_ratio_and_says_where_roadie_is_behind() throws Exception {
        Results results = new Results();
        for (double value : new double[] {2.0, 3.0, 2.5}) {
            results.add("b", "100 B, one at a time", "round trip p50", "ms", Better.LOWER, "roadie", value);
        }
        results.add("b", "100 B, one at a time", "round trip p50", "ms", Better.LOWER, "nats", 0.5);
        results.machine("cpu", "test CPU");

        Path md = ReportWriter.write(results, out, BenchOptions.parse(), Budget.of(false));

        String report = Files.readString(md);
        assertThat(report).contains("| test CPU |");
        assertThat(report).contains("| round trip p50 | ms | 2.50 [2.00-3.00] | 0.50 | 5.00 |");
        assertThat(report).contains("nats is ahead of Roadie on 100 B, one at a time, round trip p50: 0.50 vs 2.50 ms.");
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).contains("\"median\" : 2.5").contains("\"values\" : [ 2.0, 3.0, 2.5 ]");
    }

    @Test
    void the_cpu_scenario_has_a_table_per_system_with_its_spread_and_its_ratio_to_the_ws_relay() throws Exception {
        Results results = new Results();
        String cell = "1:1 100 B at 2,000 msg/s";
        for (double value : new double[] {150, 140, 185}) {
            results.add("h", cell, "server CPU per delivered message", "µs", Better.LOWER, "roadie", value);
        }
        for (double value : new double[] {34, 40, 46}) {
            results.add("h", cell, "server CPU per delivered message", "µs", Better.LOWER, "node-ws", value);
        }
        results.add("h", cell, "server CPU", "% of a core", Better.NEITHER, "roadie", 30);
        results.add("h", cell, "delivered", "% of offered", Better.NEITHER, "roadie", 100);
        results.add("h", cell, "load generator CPU per delivered message", "µs", Better.NEITHER, "roadie", 120);
        results.window(java.util.Map.of("system", "roadie", "cell", cell, "serverCpuMs", 900));

        ReportWriter.write(results, out, BenchOptions.parse("--pinned"), Budget.of(false));

        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("## (h) CPU per delivered message").contains("### roadie").contains("### node-ws");
        assertThat(report).contains("| 1:1 100 B at 2,000 msg/s | 150 [140-185] | 30 % | 3.75 | 30.0 | 100 | 120 |");
        assertThat(report).contains("| 1:1 100 B at 2,000 msg/s | 40.0 [34.0-46.0] | 30 % | 1.00 | n/a | n/a | n/a |");
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).contains("\"pinned\" : true").contains("\"cpuWindows\"").contains("\"serverCpuMs\" : 900");
    }

    @Test
    void the_report_says_which_figures_are_stable_and_names_the_noisiest() throws Exception {
        Results results = new Results();
        for (double value : new double[] {100, 102, 101}) {
            results.add("h", "1:1 100 B at 2,000 msg/s", "server CPU per delivered message", "µs", Better.LOWER, "roadie", value);
        }
        for (double value : new double[] {16_000, 32_000, 24_000}) {
            results.add("a", "1:1 100 B", "sustained rate", "msg/s", Better.HIGHER, "node-ws", value);
        }
        for (double value : new double[] {10, 50, 90}) {
            results.add("h", "1:1 100 B at 2,000 msg/s", "server CPU", "% of a core", Better.NEITHER, "roadie", value);
        }

        ReportWriter.write(results, out, BenchOptions.parse(), Budget.of(false));

        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("## Which figures are stable here");
        assertThat(report).contains("| (a) | 0 | 0 | 1 | node-ws 1:1 100 B, sustained rate: 67 % |");
        assertThat(report).contains("| (h) | 1 | 0 | 0 | roadie 1:1 100 B at 2,000 msg/s, server CPU per delivered message: 2 % |");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"stability\"");
    }

    @Test
    void a_single_repetition_says_it_cannot_tell_stable_from_noisy() throws Exception {
        Results results = new Results();
        results.add("a", "1:1 100 B", "sustained rate", "msg/s", Better.HIGHER, "roadie", 1_000);

        ReportWriter.write(results, out, BenchOptions.parse("--quick"), Budget.of(true));

        assertThat(Files.readString(out.resolve("report.md"))).contains("One repetition: no spread to tell stable figures");
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(Stats.median(java.util.List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }
}
