package dev.roadie.bench;

import dev.roadie.bench.RelayScenario.Step;
import dev.roadie.bench.RelayScenario.Variant;
import dev.roadie.bench.RelayScenario.Wiring;
import dev.roadie.bench.peers.Capability;
import dev.roadie.bench.peers.ProcessCpu;
import dev.roadie.bench.peers.ServerProcess;
import dev.roadie.bench.peers.SystemUnderTest;
import dev.roadie.bench.report.Results.Better;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (h): CPU per delivered message. At fixed offered rates below every system's
 * saturation, the server process's CPU time (user + system, its threads and children, from
 * /proc) is read when a window starts and when its last message arrived, and divided by the
 * messages delivered in it. Unlike a saturation rate, this hardly depends on what else the
 * machine runs: a neighbour takes cores away, not work from the server.
 */
final class CpuScenario {
    static final String ID = "h";
    static final String METRIC = "server CPU per delivered message";
    static final String LOAD_GENERATOR_METRIC = "load generator CPU per delivered message";
    /** The rates: the first well below every system's saturation, the second where the hub used to fall behind. */
    static final List<Integer> RATES = List.of(2_000, 8_000);
    /** Before each variant's windows, unrecorded: the new connections' first messages take paths not compiled yet. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    /** Connecting a variant's peers, at most (11 connections for a fan-out). */
    private static final Duration CONNECT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(CpuScenario.class);

    /** One measured window: a variant at one offered rate, for a time long enough for the tick-counted CPU time. */
    record Cell(Variant variant, int rate, Duration window) {
        String name() {
            return String.format("%s at %,d msg/s", variant.name(), rate);
        }
    }

    private final BenchContext context;
    private final RelayScenario relay;

    CpuScenario(BenchContext context, RelayScenario relay) {
        this.context = context;
        this.relay = relay;
    }

    /**
     * The cells: 1:1 and 1:10, 100 B and 2 KB, at 2,000 and 8,000 deliveries a second; the quick
     * run one short window of 1:1 100 B at 2,000. /proc counts CPU in ticks of 10 ms: a window of
     * 3 s at 2,000 a second holds 6,000 messages, so a tick at each end is under 3.5 µs a message.
     */
    static List<Cell> cells(boolean quick) {
        List<Variant> variants = RelayScenario.variants(false);
        if (quick) {
            return List.of(new Cell(variants.getFirst(), RATES.getFirst(), Duration.ofSeconds(1)));
        }
        List<Cell> cells = new ArrayList<>();
        for (Variant variant : variants) {
            cells.add(new Cell(variant, 2_000, Duration.ofSeconds(3)));
            cells.add(new Cell(variant, 8_000, Duration.ofSeconds(2)));
        }
        return cells;
    }

    /**
     * Measures every cell the system can do on {@code server}; {@code warm} says whether the server
     * was already warmed up (by scenario (a)), else the first variant warms it as (a) does.
     */
    void run(SystemUnderTest system, ServerProcess server, int repetition, boolean warm) throws Exception {
        if (system.id().equals(Targets.ROADIE)) {
            context.results().note(ID, "Roadie is driven through the Java SDK (hub-client), not by an independent client"
                    + " speaking PROTOCOL.md: the SDK's own CPU is the load generator's, so the hub's figure is the hub's alone."
                    + " It holds for any client that sends the same frames (one frame a message, the deliveries acknowledged"
                    + " as PROTOCOL.md says); a client that acknowledges or batches otherwise changes the hub's work.");
        }
        ServerProcess.pinnedTo().ifPresent(cpus -> context.results().note(ID, "Pinned run: each server had CPU " + cpus
                + " alone; a JVM server sees one CPU and sizes itself for it (the serial collector, fewer threads), as it"
                + " would in a one-core container."));
        Map<Variant, List<Cell>> byVariant = new LinkedHashMap<>();
        cells(context.quick()).forEach(cell -> byVariant.computeIfAbsent(cell.variant(), v -> new ArrayList<>()).add(cell));
        for (var entry : byVariant.entrySet()) {
            Variant variant = entry.getKey();
            if (variant.fanOut() && !system.capabilities().contains(Capability.FAN_OUT)) {
                context.results().note(ID, system.label() + " has no fan-out: its 1:" + RelayScenario.FAN_OUT + " cells are empty.");
                continue;
            }
            Duration unit = CONNECT.plus(SETTLE);
            for (Cell cell : entry.getValue()) {
                unit = unit.plus(cell.window()).plusMillis(500);
            }
            if (!context.budget().fits(ID, unit)) {
                context.results().note(ID, "Some cells were skipped: the scenario's time budget was spent.");
                return;
            }
            long started = System.nanoTime();
            try (Wiring wiring = Wiring.connect(system, variant, "cpu-" + repetition)) {
                if (!warm) {
                    relay.warmUp(system, variant, wiring);
                    warm = true;
                }
                relay.step(system, variant, entry.getValue().getFirst().rate(), wiring, SETTLE);
                for (Cell cell : entry.getValue()) {
                    measure(system, server, repetition, cell, wiring);
                }
            } finally {
                context.budget().charge(ID, started);
            }
        }
    }

    private void measure(SystemUnderTest system, ServerProcess server, int repetition, Cell cell, Wiring wiring) {
        double load = loadAverage();
        Duration server0 = server.cpuTime();
        Duration generator0 = ProcessCpu.self();
        long t0 = System.nanoTime();
        Step step = relay.step(system, cell.variant(), cell.rate(), wiring, cell.window());
        Duration serverCpu = server.cpuTime().minus(server0);
        Duration generatorCpu = ProcessCpu.self().minus(generator0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (step.received() == 0) {
            context.results().note(ID, system.label() + " delivered nothing at " + cell.name() + ": no CPU per message.");
            return;
        }
        Window window = new Window(serverCpu, generatorCpu, step.sent(), step.received(), seconds);
        var results = context.results();
        String id = system.id();
        results.add(ID, cell.name(), METRIC, "µs", Better.LOWER, id, round(window.serverMicrosPerMessage()));
        results.add(ID, cell.name(), "server CPU", "% of a core", Better.NEITHER, id, round(window.serverShareOfCore() * 100));
        results.add(ID, cell.name(), "delivered", "% of offered", Better.NEITHER, id, round(window.deliveredShare() * 100));
        results.add(ID, cell.name(), LOAD_GENERATOR_METRIC, "µs", Better.NEITHER, id, round(window.generatorMicrosPerMessage()));
        if (window.deliveredShare() < RelayScenario.KEPT_UP_SHARE) {
            results.note(ID, String.format("%s delivered %.0f %% of %s in repetition %d: its CPU is divided by the messages"
                    + " delivered, and the cell is below every system's saturation only if it delivered them all.",
                    system.label(), window.deliveredShare() * 100, cell.name(), repetition));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("system", id);
        row.put("cell", cell.name());
        row.put("repetition", repetition);
        row.put("windowSeconds", round(seconds));
        row.put("serverCpuMs", serverCpu.toMillis());
        row.put("loadGeneratorCpuMs", generatorCpu.toMillis());
        row.put("sent", step.sent());
        row.put("delivered", step.received());
        row.put("p99Ms", step.p99());
        row.put("loadAverageBefore", load);
        row.put("loadAverageAfter", loadAverage());
        results.window(row);
        log.info("{} {}: server {} µs a message ({} % of a core), load generator {} µs, delivered {} of {}", id, cell.name(),
                round(window.serverMicrosPerMessage()), round(window.serverShareOfCore() * 100),
                round(window.generatorMicrosPerMessage()), step.received(), step.sent());
    }

    /** What one window measured, and the figures drawn from it. */
    record Window(Duration serverCpu, Duration generatorCpu, long sent, long delivered, double seconds) {
        double serverMicrosPerMessage() {
            return serverCpu.toNanos() / 1000.0 / delivered;
        }

        double generatorMicrosPerMessage() {
            return generatorCpu.toNanos() / 1000.0 / delivered;
        }

        double serverShareOfCore() {
            return serverCpu.toNanos() / 1e9 / seconds;
        }

        double deliveredShare() {
            return sent == 0 ? 0 : (double) delivered / sent;
        }
    }

    /** The machine's load average over the last minute, to tell a quiet window from a busy one. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/loadavg", e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
