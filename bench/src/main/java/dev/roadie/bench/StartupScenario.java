package dev.roadie.bench;

import dev.roadie.bench.peers.ServerProcess;
import dev.roadie.bench.peers.SystemUnderTest;
import dev.roadie.bench.report.Results.Better;
import java.util.OptionalLong;

/**
 * Scenario (f): start-up time (from launching the process until it answers: /api/health for
 * the hub, an accepted TCP connection for the others) and memory right after, with no client.
 */
final class StartupScenario {
    static final String ID = "f";
    static final String TITLE = "(f) start-up time and idle memory";
    static final String VARIANT = "fresh start, no client";

    private final BenchContext context;

    StartupScenario(BenchContext context) {
        this.context = context;
    }

    /** Records what a freshly started server shows. */
    void record(SystemUnderTest system, ServerProcess server) {
        long started = System.nanoTime();
        var results = context.results();
        results.add(ID, VARIANT, "start-up time", "ms", Better.LOWER, system.id(), server.startup().toMillis());
        results.add(ID, VARIANT, "resident memory (RSS)", "MB", Better.LOWER, system.id(), mb(server.rssBytes()));
        if (system.jvm()) {
            OptionalLong heap = server.heapAfterGcBytes(context.env().jcmd());
            heap.ifPresent(bytes -> results.add(ID, VARIANT, "JVM heap after GC", "MB", Better.LOWER, system.id(), mb(bytes)));
        }
        context.budget().charge(ID, started);
    }

    static double mb(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
    }
}
