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
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(Stats.median(java.util.List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }
}
