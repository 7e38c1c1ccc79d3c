package dev.roadie.bench;

import dev.roadie.bench.peers.BenchEnv;
import dev.roadie.bench.report.Results;

/** What every scenario gets: the options, the folders, the results and the time budget. */
public record BenchContext(BenchOptions options, BenchEnv env, Results results, Budget budget) {

    public boolean quick() {
        return options.quick();
    }
}
