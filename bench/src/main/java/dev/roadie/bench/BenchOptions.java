package dev.roadie.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to run: {@code [--quick] [--pinned] [--only system,...] [--scenario a,b,...] [--root DIR]}.
 *
 * @param quick one short repetition of a subset of each scenario, touching every system
 * @param pinned every server on one core and the load generator on another ({@link Pinning})
 * @param systems the systems to run, in order
 * @param scenarios the scenarios to run (letters a to h)
 * @param root the repository's root
 */
public record BenchOptions(boolean quick, boolean pinned, List<String> systems, Set<String> scenarios, Path root) {
    public static final List<String> ALL_SYSTEMS = List.of("roadie", "node-ws", "socket.io", "nats", "jetty-echo");
    public static final List<String> ALL_SCENARIOS = List.of("a", "b", "c", "d", "e", "f", "g", "h");

    /** Repetitions of each figure. */
    public int repetitions() {
        return quick ? 1 : 3;
    }

    public boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    public static BenchOptions parse(String... args) {
        boolean quick = false;
        boolean pinned = false;
        List<String> systems = ALL_SYSTEMS;
        Set<String> scenarios = new LinkedHashSet<>(ALL_SCENARIOS);
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--pinned" -> pinned = true;
                case "--only" -> systems = list(value(args, ++i, "--only"), ALL_SYSTEMS, "system");
                case "--scenario" -> scenarios = new LinkedHashSet<>(list(value(args, ++i, "--scenario"), ALL_SCENARIOS, "scenario"));
                case "--root" -> root = Path.of(value(args, ++i, "--root")).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: bin/bench [--quick] [--pinned] [--only " + String.join(",", ALL_SYSTEMS)
                        + "] [--scenario " + String.join(",", ALL_SCENARIOS) + "]");
            }
        }
        return new BenchOptions(quick, pinned, systems, scenarios, root);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> list(String value, List<String> known, String what) {
        List<String> chosen = new ArrayList<>();
        for (String item : value.split(",")) {
            String name = item.strip();
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown " + what + " '" + name + "'; known: " + String.join(", ", known));
            }
            chosen.add(name);
        }
        return chosen;
    }
}
