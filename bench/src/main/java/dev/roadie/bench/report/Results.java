package dev.roadie.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every number a run measured, grouped as the report shows them: per scenario, one figure per
 * variant and metric, with each system's values over the repetitions.
 */
public final class Results {
    private final Map<String, Figure> figures = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<String>> notes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Map<String, Object>> steps = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> windows = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Object> machine = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Map<String, String>> systems = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Target> targets = Collections.synchronizedList(new ArrayList<>());

    /** Which way is better for a metric. */
    public enum Better {
        HIGHER, LOWER, NEITHER
    }

    /** One metric of one variant of a scenario, each system's values over the repetitions. */
    public record Figure(String scenario, String variant, String metric, String unit, Better better,
            Map<String, List<Double>> values) {
    }

    /** A target of the issue, judged. */
    public record Target(String name, String status, String detail) {
    }

    /** Adds one value of one repetition. */
    public void add(String scenario, String variant, String metric, String unit, Better better, String system,
            double value) {
        Figure figure = figures.computeIfAbsent(scenario + "|" + variant + "|" + metric,
                key -> new Figure(scenario, variant, metric, unit, better, Collections.synchronizedMap(new LinkedHashMap<>())));
        figure.values().computeIfAbsent(system, key -> Collections.synchronizedList(new ArrayList<>())).add(value);
    }

    /** A sentence under a scenario's tables. */
    public void note(String scenario, String text) {
        List<String> list = notes.computeIfAbsent(scenario, key -> Collections.synchronizedList(new ArrayList<>()));
        if (!list.contains(text)) {
            list.add(text);
        }
    }

    /** One step of a rate ladder, kept whole for the JSON report. */
    public void step(Map<String, Object> step) {
        steps.add(step);
    }

    /** One CPU window of scenario (h), kept whole for the JSON report. */
    public void window(Map<String, Object> window) {
        windows.add(window);
    }

    public List<Map<String, Object>> windows() {
        return windows;
    }

    public void machine(String key, Object value) {
        machine.put(key, value);
    }

    public void system(String id, Map<String, String> details) {
        systems.put(id, details);
    }

    public void target(String name, String status, String detail) {
        targets.add(new Target(name, status, detail));
    }

    public List<Figure> figures() {
        synchronized (figures) {
            return List.copyOf(figures.values());
        }
    }

    public Map<String, List<String>> notes() {
        return notes;
    }

    public List<Map<String, Object>> steps() {
        return steps;
    }

    public Map<String, Object> machine() {
        return machine;
    }

    public Map<String, Map<String, String>> systems() {
        return systems;
    }

    public List<Target> targets() {
        return targets;
    }

    /** The median of one system's values of a figure, or NaN when it has none. */
    public double median(String scenario, String variant, String metric, String system) {
        Figure figure = figures.get(scenario + "|" + variant + "|" + metric);
        if (figure == null || !figure.values().containsKey(system)) {
            return Double.NaN;
        }
        return Stats.median(figure.values().get(system));
    }
}
