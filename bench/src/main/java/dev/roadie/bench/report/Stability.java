package dev.roadie.bench.report;

import dev.roadie.bench.report.Results.Figure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which figures are stable on this machine and which are noisy: the spread of each system's
 * values over the repetitions, (max - min) / median. A figure whose repetitions differ by more
 * than the gap between two systems cannot tell them apart, however the medians compare.
 */
public final class Stability {
    /** At most this spread: stable. */
    public static final double STABLE = 0.10;
    /** Above this: noisy. Between the two: fair. */
    public static final double NOISY = 0.25;

    private Stability() {
    }

    /** One system's values of one figure, and their spread. */
    public record Spread(String scenario, String variant, String metric, String system, double spread) {
        public String grade() {
            return grade(spread);
        }

        static String grade(double spread) {
            return spread <= STABLE ? "stable" : spread <= NOISY ? "fair" : "noisy";
        }

        String describe() {
            return String.format(Locale.ROOT, "%s %s, %s: %.0f %%", system, variant, metric, spread * 100);
        }
    }

    /**
     * The spread of every figure and system with at least two values and a median other than 0;
     * not of the figures that only give context (no better way, such as a share of a core beside
     * the CPU per message that the report compares).
     */
    public static List<Spread> spreads(Results results) {
        List<Spread> spreads = new ArrayList<>();
        for (Figure figure : results.figures()) {
            if (figure.better() == Results.Better.NEITHER) {
                continue;
            }
            figure.values().forEach((system, values) -> {
                double median = Stats.median(values);
                if (values.size() >= 2 && median != 0 && !Double.isNaN(median)) {
                    spreads.add(new Spread(figure.scenario(), figure.variant(), figure.metric(), system,
                            (Stats.max(values) - Stats.min(values)) / Math.abs(median)));
                }
            });
        }
        return spreads;
    }

    /** Per scenario: how many figures are stable, fair and noisy, and the noisiest ones. */
    public static Map<String, Map<String, Object>> summary(Results results) {
        Map<String, Map<String, Object>> summary = new LinkedHashMap<>();
        Map<String, List<Spread>> byScenario = new LinkedHashMap<>();
        spreads(results).forEach(spread -> byScenario.computeIfAbsent(spread.scenario(), s -> new ArrayList<>()).add(spread));
        byScenario.forEach((scenario, spreads) -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            for (String grade : List.of("stable", "fair", "noisy")) {
                counts.put(grade, spreads.stream().filter(s -> s.grade().equals(grade)).count());
            }
            counts.put("noisiest", spreads.stream().sorted(Comparator.comparingDouble(Spread::spread).reversed()).limit(3)
                    .map(Spread::describe).toList());
            summary.put(scenario, counts);
        });
        return summary;
    }

    /** The report's section, in Markdown. */
    static String markdown(Results results) {
        Map<String, Map<String, Object>> summary = summary(results);
        StringBuilder md = new StringBuilder("\n## Which figures are stable here\n\n");
        if (summary.isEmpty()) {
            return md.append("One repetition: no spread to tell stable figures from noisy ones.\n").toString();
        }
        md.append(String.format(Locale.ROOT, "The spread of each system's figure over the repetitions, (max - min) / median:"
                + " stable up to %.0f %%, noisy above %.0f %%. A gap between two systems smaller than their spread is not"
                + " measured here.%n%n", STABLE * 100, NOISY * 100));
        md.append("| scenario | stable | fair | noisy | noisiest |\n|---|---:|---:|---:|---|\n");
        summary.forEach((scenario, counts) -> md.append("| (").append(scenario).append(") | ").append(counts.get("stable"))
                .append(" | ").append(counts.get("fair")).append(" | ").append(counts.get("noisy")).append(" | ")
                .append(String.join("; ", castList(counts.get("noisiest")))).append(" |\n"));
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object list) {
        return (List<String>) list;
    }
}
