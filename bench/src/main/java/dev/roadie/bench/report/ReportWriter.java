package dev.roadie.bench.report;

import dev.roadie.bench.BenchOptions;
import dev.roadie.bench.Budget;
import dev.roadie.bench.report.Results.Better;
import dev.roadie.bench.report.Results.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code report.md} (tables, ratios, targets, plain statements) and {@code report.json} (every number). */
public final class ReportWriter {
    private static final String ROADIE = "roadie";
    private static final Map<String, String> TITLES = Map.of(
            "a", "(a) Relay throughput and latency",
            "b", "(b) Sequential request/reply round trip",
            "c", "(c) Gather",
            "d", "(d) Idle connections",
            "e", "(e) Reconnect",
            "f", "(f) Start-up time and idle memory",
            "g", "(g) Two hubs on one Redis (cluster)",
            "h", "(h) CPU per delivered message");
    private static final String WS = "node-ws";

    private ReportWriter() {
    }

    /** Writes both files into {@code out}; returns the Markdown one. */
    public static Path write(Results results, Path out, BenchOptions options, Budget budget) throws IOException {
        Files.createDirectories(out);
        Path json = out.resolve("report.json");
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("quick", options.quick());
        run.put("pinned", options.pinned());
        run.put("systems", options.systems());
        run.put("scenarios", List.copyOf(options.scenarios()));
        document.put("options", run);
        document.put("machine", results.machine());
        document.put("systems", results.systems());
        document.put("targets", results.targets());
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Figure figure : results.figures()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", figure.scenario());
            row.put("variant", figure.variant());
            row.put("metric", figure.metric());
            row.put("unit", figure.unit());
            row.put("better", figure.better().name().toLowerCase(Locale.ROOT));
            Map<String, Object> values = new LinkedHashMap<>();
            figure.values().forEach((system, list) -> values.put(system, Map.of("values", list, "median", Stats.median(list),
                    "min", Stats.min(list), "max", Stats.max(list))));
            row.put("systems", values);
            figures.add(row);
        }
        document.put("figures", figures);
        document.put("steps", results.steps());
        document.put("cpuWindows", results.windows());
        document.put("stability", Stability.summary(results));
        document.put("notes", results.notes());
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(json, mapper.writeValueAsString(document));
        Path md = out.resolve("report.md");
        Files.writeString(md, markdown(results, options, budget));
        return md;
    }

    private static String markdown(Results results, BenchOptions options, Budget budget) {
        StringBuilder md = new StringBuilder();
        md.append("# Roadie benchmark report\n\n");
        if (options.quick()) {
            md.append("**Quick run**: one short repetition of a subset of each scenario. It proves the harness works; "
                    + "its numbers are not a verdict.\n\n");
        }
        md.append("## Machine\n\n| | |\n|---|---|\n");
        results.machine().forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        md.append("\n## Systems\n\n");
        results.systems().forEach((id, details) -> {
            md.append("- **").append(id).append("**: ");
            List<String> parts = new ArrayList<>();
            details.forEach((key, value) -> parts.add(key + ": " + value));
            md.append(String.join("; ", parts)).append("\n");
        });
        md.append("\n## Targets\n\n");
        for (Results.Target target : results.targets()) {
            md.append("- **").append(target.status()).append("**: ").append(target.name()).append(". ").append(target.detail())
                    .append("\n");
        }
        List<String> systems = systemsIn(results);
        for (String scenario : BenchOptions.ALL_SCENARIOS) {
            List<Figure> figures = results.figures().stream().filter(f -> f.scenario().equals(scenario)).toList();
            List<String> notes = results.notes().getOrDefault(scenario, List.of());
            if (figures.isEmpty() && notes.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(TITLES.get(scenario)).append("\n\n");
            if (!scenario.equals("h")) {
                md.append("Median over the repetitions, [min-max] when they differ; ratio = Roadie / the peer (for times "
                        + "and memory, below 1 is better for Roadie).\n");
            }
            Set<String> variants = new LinkedHashSet<>();
            figures.forEach(f -> variants.add(f.variant()));
            // Only the systems with numbers here: the cluster's two hubs appear in (g) alone.
            List<String> present = systems.stream().filter(s -> figures.stream().anyMatch(f -> f.values().containsKey(s))).toList();
            if (scenario.equals("h")) {
                cpuTables(md, figures, variants, present);
            } else {
                for (String variant : variants) {
                    md.append("\n### ").append(variant).append("\n\n");
                    table(md, figures.stream().filter(f -> f.variant().equals(variant)).toList(), present);
                }
            }
            // (g) compares Roadie with itself (one hub, two): its note says where two hubs are behind.
            List<String> behind = scenario.equals("g") ? List.of() : behind(figures);
            if (!behind.isEmpty()) {
                md.append("\nWhere Roadie is behind:\n\n");
                behind.forEach(line -> md.append("- ").append(line).append("\n"));
            }
            if (scenario.equals("a")) {
                ladder(md, results);
            }
            if (!notes.isEmpty()) {
                md.append("\n");
                notes.forEach(note -> md.append("- ").append(note).append("\n"));
            }
        }
        md.append(Stability.markdown(results));
        List<String> errors = results.notes().getOrDefault("errors", List.of());
        if (!errors.isEmpty()) {
            md.append("\n## Errors\n\n");
            errors.forEach(error -> md.append("- ").append(error).append("\n"));
        }
        md.append("\n## Time budget\n\n");
        budget.allowed().forEach((scenario, time) -> md.append("- (").append(scenario).append("): ")
                .append(time.toSeconds()).append(" s allowed, ").append(budget.used(scenario).toSeconds()).append(" s used\n"));
        return md.toString();
    }

    private static List<String> systemsIn(Results results) {
        Set<String> systems = new LinkedHashSet<>(results.systems().keySet());
        results.figures().forEach(f -> systems.addAll(f.values().keySet()));
        return List.copyOf(systems);
    }

    private static void table(StringBuilder md, List<Figure> figures, List<String> systems) {
        List<String> peers = systems.stream().filter(s -> !s.equals(ROADIE)).toList();
        md.append("| metric | unit |");
        systems.forEach(s -> md.append(" ").append(s).append(" |"));
        if (systems.contains(ROADIE)) {
            peers.forEach(p -> md.append(" Roadie/").append(p).append(" |"));
        }
        md.append("\n|---|---|");
        systems.forEach(s -> md.append("---:|"));
        if (systems.contains(ROADIE)) {
            peers.forEach(p -> md.append("---:|"));
        }
        md.append("\n");
        for (Figure figure : figures) {
            md.append("| ").append(figure.metric()).append(" | ").append(figure.unit()).append(" |");
            for (String system : systems) {
                List<Double> values = figure.values().get(system);
                md.append(" ").append(values == null ? "n/a" : cell(values)).append(" |");
            }
            if (systems.contains(ROADIE)) {
                List<Double> roadie = figure.values().get(ROADIE);
                for (String peer : peers) {
                    List<Double> other = figure.values().get(peer);
                    String ratio = "";
                    if (roadie != null && other != null && Stats.median(other) != 0) {
                        ratio = String.format(Locale.ROOT, "%.2f", Stats.median(roadie) / Stats.median(other));
                    }
                    md.append(" ").append(ratio).append(" |");
                }
            }
            md.append("\n");
        }
    }

    /**
     * Scenario (h): a table per system, a row per cell (variant and rate), its CPU per delivered
     * message with the spread, and its ratio to the ws relay's.
     */
    private static void cpuTables(StringBuilder md, List<Figure> figures, Set<String> cells, List<String> systems) {
        md.append("\nThe server process's CPU time (user + system, every thread and child, from /proc/PID/stat) from the start"
                + " of each window to its last delivery, divided by the messages delivered in it; spread = (max - min) / median"
                + " over the repetitions; vs ws = this system's median / the ws relay's. Below 1 uses less CPU than the relay."
                + " The load generator's CPU (the client libraries) is beside it, for scale.\n");
        for (String system : systems) {
            md.append("\n### ").append(system).append("\n\n");
            md.append("| cell | CPU per message, µs | spread | vs ws | server CPU, % of a core | delivered, % of offered"
                    + " | load generator, µs a message |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (String cellName : cells) {
                List<Double> cpu = values(figures, cellName, "server CPU per delivered message", system);
                if (cpu == null) {
                    continue;
                }
                List<Double> ws = values(figures, cellName, "server CPU per delivered message", WS);
                String ratio = ws == null ? "" : String.format(Locale.ROOT, "%.2f", Stats.median(cpu) / Stats.median(ws));
                double median = Stats.median(cpu);
                String spread = cpu.size() < 2 || median == 0 ? "" : String.format(Locale.ROOT, "%.0f %%",
                        (Stats.max(cpu) - Stats.min(cpu)) / median * 100);
                md.append("| ").append(cellName).append(" | ").append(cell(cpu)).append(" | ").append(spread).append(" | ")
                        .append(ratio).append(" | ").append(medianOf(figures, cellName, "server CPU", system)).append(" | ")
                        .append(medianOf(figures, cellName, "delivered", system)).append(" | ")
                        .append(medianOf(figures, cellName, "load generator CPU per delivered message", system)).append(" |\n");
            }
        }
    }

    private static List<Double> values(List<Figure> figures, String variant, String metric, String system) {
        return figures.stream().filter(f -> f.variant().equals(variant) && f.metric().equals(metric)).findFirst()
                .map(f -> f.values().get(system)).orElse(null);
    }

    private static String medianOf(List<Figure> figures, String variant, String metric, String system) {
        List<Double> values = values(figures, variant, metric, system);
        return values == null ? "n/a" : number(Stats.median(values));
    }

    private static String cell(List<Double> values) {
        double median = Stats.median(values);
        double min = Stats.min(values);
        double max = Stats.max(values);
        return min == max ? number(median) : number(median) + " [" + number(min) + "-" + number(max) + "]";
    }

    /** A number as the report prints it: 2 decimals under 10, 1 under 100, none above. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value == 0) {
            return "0";
        }
        double size = Math.abs(value);
        return String.format(Locale.ROOT, size >= 100 ? "%,.0f" : size >= 10 ? "%.1f" : "%.2f", value);
    }

    /** Plain statements of every figure where a peer beats Roadie. */
    private static List<String> behind(List<Figure> figures) {
        List<String> lines = new ArrayList<>();
        for (Figure figure : figures) {
            List<Double> roadie = figure.values().get(ROADIE);
            if (roadie == null || figure.better() == Better.NEITHER) {
                continue;
            }
            double r = Stats.median(roadie);
            figure.values().forEach((system, values) -> {
                if (system.equals(ROADIE)) {
                    return;
                }
                double p = Stats.median(values);
                boolean peerBetter = figure.better() == Better.HIGHER ? p > r : p < r;
                if (peerBetter) {
                    lines.add(String.format(Locale.ROOT, "%s is ahead of Roadie on %s, %s: %s vs %s %s.", system,
                            figure.variant(), figure.metric(), number(p), number(r), figure.unit()));
                }
            });
        }
        return lines;
    }

    private static void ladder(StringBuilder md, Results results) {
        List<Map<String, Object>> steps = results.steps().stream().filter(s -> Integer.valueOf(1).equals(s.get("repetition"))).toList();
        if (steps.isEmpty()) {
            return;
        }
        md.append("\nRate ladders of the first repetition (every repetition is in report.json): offered and achieved "
                + "deliveries per second, latency from the intended send time.\n\n");
        md.append("| system | variant | offered | achieved | p50 ms | p99 ms | p99.9 ms | missing | kept up |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map<String, Object> step : steps) {
            md.append("| ").append(step.get("system")).append(" | ").append(step.get("variant")).append(" | ")
                    .append(step.get("offered")).append(" | ").append(step.get("achieved")).append(" | ")
                    .append(step.get("p50Ms")).append(" | ").append(step.get("p99Ms")).append(" | ")
                    .append(step.get("p999Ms")).append(" | ").append(step.get("missing")).append(" | ")
                    .append(Boolean.TRUE.equals(step.get("keptUp")) ? "yes" : "no").append(" |\n");
        }
    }
}
