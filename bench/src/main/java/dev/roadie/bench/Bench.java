package dev.roadie.bench;

import dev.roadie.bench.peers.BenchEnv;
import dev.roadie.bench.peers.JettyEchoSystem;
import dev.roadie.bench.peers.NatsSystem;
import dev.roadie.bench.peers.NodeSystem;
import dev.roadie.bench.peers.RoadieSystem;
import dev.roadie.bench.peers.ServerProcess;
import dev.roadie.bench.peers.SystemUnderTest;
import dev.roadie.bench.report.ReportWriter;
import dev.roadie.bench.report.Results;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: starts each system, drives it with the same load generator, stops it, and
 * writes {@code target/bench/report.md} and {@code report.json}. Run by {@code bin/bench}.
 */
public final class Bench {
    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    private final BenchContext context;
    private final List<SystemUnderTest> systems;

    Bench(BenchContext context) {
        this.context = context;
        this.systems = create(context.options().systems(), context.env());
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path report = run(options);
        System.out.println("bench: report written to " + report);
        // The client libraries' pools (OkHttp's under Socket.IO, for one) idle for a minute before their threads end.
        System.exit(0);
    }

    /** Runs the benchmark and returns the Markdown report's path. */
    public static Path run(BenchOptions options) throws Exception {
        BenchEnv env = BenchEnv.of(options.root());
        Budget budget = Budget.of(options.quick());
        BenchContext context = new BenchContext(options, env, new Results(), budget);
        log.info("{} run of {} on scenarios {}", options.quick() ? "quick" : "full", options.systems(), options.scenarios());
        budget.print();
        long started = System.nanoTime();
        Bench bench = new Bench(context);
        double loadAtStart = Machine.loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        Machine.describe(context.results(), env, bench.systems, options);
        // Pinned after the machine is described: pinned, this process sees one core.
        if (options.pinned()) {
            Pinning.Cpus cpus = Pinning.apply();
            log.info("pinned: every server on CPU {} (taskset -c), the load generator on CPU {} (taskset -a -p on itself)",
                    cpus.server(), cpus.loadGenerator());
            context.results().machine("pinned", "every server on CPU " + cpus.server() + " (started under taskset -c "
                    + cpus.server() + "), the load generator on CPU " + cpus.loadGenerator()
                    + " (every thread, with taskset -a -p on its own pid when the run started; not relaunched)");
        }
        bench.runAll();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        context.results().machine("run took", took.toMinutes() + " min " + took.toSecondsPart() + " s");
        context.results().machine("load average at the end", Machine.loadAverages());
        Targets.judge(context.results(), options, loadAtStart, cores);
        return ReportWriter.write(context.results(), env.out(), options, budget);
    }

    private void runAll() throws Exception {
        BenchOptions options = context.options();
        RelayScenario relay = new RelayScenario(context);
        StartupScenario startup = new StartupScenario(context);
        RequestScenario request = new RequestScenario(context);
        GatherScenario gather = new GatherScenario(context);
        CpuScenario cpu = new CpuScenario(context, relay);
        boolean driven = options.runs("a") || options.runs("b") || options.runs("c") || options.runs("f") || options.runs("h");
        if (options.systems().contains("node-ws") && options.runs("a")) {
            context.results().note(RelayScenario.ID, "The ws relay runs in one process, not in Node's cluster mode: cluster workers"
                    + " share the listening socket but not their connections, so a message for a client held by another worker"
                    + " cannot be delivered without a broker between them (Redis pub/sub, usually). That is not the plain design"
                    + " the relay stands for.");
        }
        for (int repetition = 1; repetition <= options.repetitions() && driven; repetition++) {
            for (SystemUnderTest system : systems) {
                log.info("repetition {} of {}: {}", repetition, options.repetitions(), system.label());
                try (ServerProcess server = system.start()) {
                    if (options.runs("f")) {
                        startup.record(system, server);
                    }
                    if (options.runs("a")) {
                        relay.run(system, repetition);
                    }
                    if (options.runs("h")) {
                        // After (a), on the server (a) warmed up; alone, (h) warms it up itself.
                        cpu.run(system, server, repetition, options.runs("a"));
                    }
                    if (options.runs("b")) {
                        request.run(system);
                    }
                    if (options.runs("c")) {
                        gather.run(system, repetition);
                    }
                } catch (Exception e) {
                    log.error("{} failed in repetition {}: {}", system.label(), repetition, e.toString(), e);
                    context.results().note("errors", system.label() + ", repetition " + repetition + ": " + e);
                }
            }
        }
        // The reconnect scenario before the idle one: its figures are targets, while the idle one
        // adapts to the time left (each system opens connections for its share of it).
        if (options.runs("e")) {
            for (SystemUnderTest system : systems) {
                if (system instanceof RoadieSystem roadie) {
                    try {
                        new ReconnectScenario(context).run(roadie);
                    } catch (Exception e) {
                        log.error("the reconnect scenario failed: {}", e.toString(), e);
                        context.results().note("errors", "reconnect scenario: " + e);
                    }
                }
            }
        }
        // The cluster before the idle scenario too, which adapts to the time left.
        if (options.runs("g") && options.systems().contains("roadie")) {
            new ClusterScenario(context).run();
        }
        if (options.runs("d")) {
            IdleScenario idle = new IdleScenario(context);
            Duration time = context.budget().allowed().get(IdleScenario.ID);
            // Keep a margin for stopping the servers and writing the report.
            Duration left = context.budget().leftInRun().minusSeconds(10);
            if (left.compareTo(time) < 0) {
                time = left.isNegative() ? Duration.ZERO : left;
            }
            for (SystemUnderTest system : systems) {
                try {
                    idle.run(system, IdleScenario.share(time, system, systems.size(),
                            context.options().systems().contains("roadie")));
                } catch (Exception e) {
                    log.error("{} failed the idle scenario: {}", system.label(), e.toString(), e);
                    context.results().note("errors", system.label() + ", idle connections: " + e);
                }
            }
        }
    }

    private static List<SystemUnderTest> create(List<String> ids, BenchEnv env) {
        List<SystemUnderTest> systems = new ArrayList<>();
        for (String id : ids) {
            systems.add(switch (id) {
                case "roadie" -> new RoadieSystem(env);
                case "node-ws" -> new NodeSystem(env, NodeSystem.Kind.WS_RELAY);
                case "socket.io" -> new NodeSystem(env, NodeSystem.Kind.SOCKET_IO);
                case "nats" -> new NatsSystem(env);
                case "jetty-echo" -> new JettyEchoSystem(env);
                default -> throw new IllegalArgumentException("unknown system " + id);
            });
        }
        return systems;
    }
}
