package dev.roadie.bench;

import dev.roadie.bench.peers.IdleConnections;
import dev.roadie.bench.peers.ServerProcess;
import dev.roadie.bench.peers.SystemUnderTest;
import dev.roadie.bench.report.Results.Better;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (d): idle connections, each answering its system's heartbeats. Memory per
 * connection (heap for JVMs, RSS for all) from the difference with the fresh server, and the
 * server's CPU at rest over a window. One run per system: opening ten thousands of
 * connections is what takes the time.
 */
final class IdleScenario {
    static final String ID = "d";
    static final String TITLE = "(d) idle connections";
    /** Files the server and the load generator need besides the connections. */
    static final int FD_HEADROOM = 1_000;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(IdleScenario.class);

    private final BenchContext context;

    IdleScenario(BenchContext context) {
        this.context = context;
    }

    /**
     * The time one system gets: the hub, the system under study, 40 % of the scenario when
     * there are peers, the peers the rest in equal parts.
     */
    static Duration share(Duration scenario, SystemUnderTest system, int systems, boolean withRoadie) {
        if (systems == 1 || !withRoadie) {
            return scenario.dividedBy(systems);
        }
        return system.id().equals("roadie") ? scenario.multipliedBy(2).dividedBy(5)
                : scenario.multipliedBy(3).dividedBy(5).dividedBy(systems - 1);
    }

    /** The connection counts to measure: 10,000 and 20,000, or as many as the open files limit allows. */
    List<Integer> levels() {
        if (context.quick()) {
            return List.of(200);
        }
        long limit = Machine.openFilesLimit() - FD_HEADROOM;
        List<Integer> levels = new ArrayList<>();
        for (int wanted : List.of(10_000, 20_000)) {
            if (wanted <= limit) {
                levels.add(wanted);
            } else {
                int possible = (int) (limit / 1000 * 1000);
                if (levels.isEmpty() || possible > levels.getLast()) {
                    levels.add(possible);
                }
                context.results().note(ID, "The open files limit (" + Machine.openFilesLimit() + ", and bin/bench could not raise it)"
                        + " allows " + possible + " connections, not " + wanted + ": the figure at " + wanted
                        + " is extrapolated from the measured memory per connection.");
                break;
            }
        }
        return levels;
    }

    /**
     * Opens the connections of each level and measures; connections are opened in batches, and
     * a level that does not fit in {@code share} of the scenario's time is measured where the
     * opening stopped (and the report says so).
     */
    void run(SystemUnderTest system, Duration share) throws Exception {
        Duration settle = context.quick() ? Duration.ofMillis(500) : Duration.ofSeconds(3);
        Duration window = context.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        Duration measuring = settle.plus(window).plusSeconds(system.jvm() ? 4 : 1);
        List<Integer> levels = levels();
        // Each system has its share of the time; only the whole run's deadline can skip one.
        if (context.budget().leftInRun().compareTo(measuring.plusSeconds(15)) < 0) {
            context.results().note(ID, system.label() + ": skipped, the run's time budget was spent.");
            return;
        }
        long started = 0;
        try (ServerProcess server = system.start(); IdleConnections idle = system.idle()) {
            // The share is for opening and measuring: the start-up is scenario (f)'s business.
            started = System.nanoTime();
            long deadline = started + share.toNanos();
            long rss0 = server.rssBytes();
            OptionalLong heap0 = system.jvm() ? server.heapAfterGcBytes(context.env().jcmd()) : OptionalLong.empty();
            for (int wanted : levels) {
                long opening = System.nanoTime();
                int before = idle.open();
                // At least one batch, so that every system is measured with some connections.
                do {
                    idle.open(Math.min(BATCH, wanted - idle.open()));
                } while (idle.open() < wanted && System.nanoTime() + measuring.toNanos() * levels.size() < deadline);
                double openSeconds = (System.nanoTime() - opening) / 1e9;
                int level = idle.open();
                if (level < wanted) {
                    context.results().note(ID, String.format("%s: %,d of %,d connections opened within its share of the time"
                            + " budget (%d s): its figures per connection are measured at %,d, its totals (CPU, RSS, heap) are"
                            + " left out of the %,d row.", system.label(), level, wanted, share.toSeconds(), level, wanted));
                }
                LockSupport.parkNanos(settle.toNanos());
                if (idle.open() < level) {
                    throw new IllegalStateException(system.label() + " kept only " + idle.open() + " of " + level + " idle connections");
                }
                String variant = String.format("%,d connections", wanted);
                var results = context.results();
                long cpu0 = server.cpuTime().toNanos();
                long t0 = System.nanoTime();
                LockSupport.parkNanos(window.toNanos());
                double cpu = 100.0 * (server.cpuTime().toNanos() - cpu0) / (System.nanoTime() - t0);
                long rss = server.rssBytes();
                results.add(ID, variant, "connections opened per second", "conn/s", Better.HIGHER, system.id(),
                        Math.round((level - before) / openSeconds));
                // Totals only at the count named in the table; per connection figures hold at any count.
                boolean reached = level == wanted;
                if (reached) {
                    results.add(ID, variant, "CPU at rest", "% of a core", Better.LOWER, system.id(), Math.round(cpu * 10) / 10.0);
                    results.add(ID, variant, "RSS", "MB", Better.LOWER, system.id(), StartupScenario.mb(rss));
                }
                results.add(ID, variant, "RSS per connection", "KB", Better.LOWER, system.id(),
                        Math.round((rss - rss0) / 1024.0 / level * 10) / 10.0);
                if (heap0.isPresent()) {
                    long heap = server.heapAfterGcBytes(context.env().jcmd()).orElseThrow();
                    if (reached) {
                        results.add(ID, variant, "heap after GC", "MB", Better.LOWER, system.id(), StartupScenario.mb(heap));
                    }
                    double perConnection = (heap - heap0.getAsLong()) / (double) level;
                    results.add(ID, variant, "heap per connection", "KB", Better.LOWER, system.id(),
                            Math.round(perConnection / 1024.0 * 10) / 10.0);
                    if (wanted == levels.getLast() || level < wanted) {
                        results.add(ID, "20,000 connections (from the largest level)", "heap, extrapolated", "MB", Better.LOWER,
                                system.id(), StartupScenario.mb((long) (heap0.getAsLong() + perConnection * 20_000)));
                    }
                }
                log.info("{}: {} idle connections, RSS {} MB, CPU {}%", system.id(), level, StartupScenario.mb(rss),
                        Math.round(cpu * 10) / 10.0);
                if (level < wanted) {
                    break;
                }
            }
        } finally {
            if (started != 0) {
                context.budget().charge(ID, started);
            }
        }
    }
}
