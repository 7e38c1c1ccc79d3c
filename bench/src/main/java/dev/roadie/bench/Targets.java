package dev.roadie.bench;

import dev.roadie.bench.report.ReportWriter;
import dev.roadie.bench.report.Results;
import dev.roadie.bench.report.Results.Better;
import dev.roadie.bench.report.Results.Figure;
import dev.roadie.bench.report.Stats;
import java.util.ArrayList;
import java.util.List;

/** The targets, each judged PASS or MISS from the medians (or NOT MEASURED, and why). */
final class Targets {
    static final String ROADIE = "roadie";
    private static final String RELAY_1_1 = "1:1 100 B";

    private Targets() {
    }

    static void judge(Results results, BenchOptions options) {
        String prefix = options.quick() ? "quick run, not a verdict: " : "";
        relayVersusWs(results, prefix);
        socketIo(results, prefix);
        gather(results, prefix);
        idleHeap(results, prefix);
        silentDeath(results, prefix);
        noLoss(results, prefix);
    }

    private static void relayVersusWs(Results results, String prefix) {
        String name = "at least 2x the Node ws relay's sustained msg/s (" + RELAY_1_1 + ") at equal or better p99";
        double roadie = results.median(RelayScenario.ID, RELAY_1_1, "sustained rate", ROADIE);
        double ws = results.median(RelayScenario.ID, RELAY_1_1, "sustained rate", "node-ws");
        double roadieP99 = results.median(RelayScenario.ID, RELAY_1_1, "p99 at sustained rate", ROADIE);
        double wsP99 = results.median(RelayScenario.ID, RELAY_1_1, "p99 at sustained rate", "node-ws");
        if (Double.isNaN(roadie) || Double.isNaN(ws) || ws == 0) {
            results.target(name, "NOT MEASURED", "scenario (a) did not run for both Roadie and the ws relay");
            return;
        }
        boolean pass = roadie >= 2 * ws && roadieP99 <= wsP99;
        results.target(name, status(pass), prefix + String.format("Roadie %.0f msg/s (p99 %.2f ms) vs ws relay %.0f msg/s (p99 %.2f ms): %.2fx",
                roadie, roadieP99, ws, wsP99, roadie / ws));
    }

    private static void socketIo(Results results, String prefix) {
        String name = "Socket.IO beaten on every scenario";
        List<String> behind = new ArrayList<>();
        int compared = 0;
        for (Figure figure : results.figures()) {
            List<Double> r = figure.values().get(ROADIE);
            List<Double> s = figure.values().get("socket.io");
            // (g) measures what a second node costs each system at a fixed rate, not a contest between them.
            if (r == null || s == null || figure.better() == Better.NEITHER || figure.scenario().equals("g")) {
                continue;
            }
            compared++;
            double rm = Stats.median(r);
            double sm = Stats.median(s);
            boolean better = figure.better() == Better.HIGHER ? rm > sm : rm < sm;
            if (!better) {
                behind.add("(" + figure.scenario() + ") " + figure.variant() + ", " + figure.metric() + ": Roadie "
                        + ReportWriter.number(rm) + " vs " + ReportWriter.number(sm) + " " + figure.unit());
            }
        }
        if (compared == 0) {
            results.target(name, "NOT MEASURED", "no figure has both Roadie and Socket.IO");
            return;
        }
        results.target(name, status(behind.isEmpty()), prefix + (behind.isEmpty() ? "ahead on all " + compared + " figures"
                : "behind or equal on " + behind.size() + " of " + compared + " figures: " + String.join("; ", behind)));
    }

    private static void gather(Results results, String prefix) {
        String name = "gather to 100 receivers within 2 ms of the slowest reply (median)";
        double overhead = results.median(GatherScenario.ID, "to 100 receivers", "after the slowest answer, p50", ROADIE);
        if (Double.isNaN(overhead)) {
            results.target(name, "NOT MEASURED", "the gather to 100 receivers did not run (the quick run gathers to 10 only)");
            return;
        }
        double p99 = results.median(GatherScenario.ID, "to 100 receivers", "after the slowest answer, p99", ROADIE);
        results.target(name, status(overhead <= 2), prefix + String.format(
                "the result reached the asker %.2f ms after the slowest answer (median; p99 %.2f ms)", overhead, p99));
    }

    private static void idleHeap(Results results, String prefix) {
        String name = "20,000 idle connections in under 1 GB of hub heap";
        double measured = results.median(IdleScenario.ID, "20,000 connections", "heap after GC", ROADIE);
        if (!Double.isNaN(measured)) {
            results.target(name, status(measured < 1024), prefix + String.format("%.0f MB of heap after GC with 20,000 connections", measured));
            return;
        }
        double extrapolated = results.median(IdleScenario.ID, "20,000 connections (from the largest level)", "heap, extrapolated", ROADIE);
        if (Double.isNaN(extrapolated)) {
            results.target(name, "NOT MEASURED", "the idle scenario did not run for Roadie");
            return;
        }
        results.target(name, status(extrapolated < 1024) + " (extrapolated)", prefix + String.format(
                "%.0f MB extrapolated from the largest count measured (see scenario (d) for why it is not 20,000)", extrapolated));
    }

    private static void silentDeath(Results results, String prefix) {
        String name = "a silent link death noticed in under 15 s with the default settings";
        double worst = results.median(ReconnectScenario.ID, ReconnectScenario.SILENT, "detection time, slowest client", ROADIE);
        if (Double.isNaN(worst)) {
            results.target(name, "NOT MEASURED", "the reconnect scenario did not run");
            return;
        }
        boolean defaults = results.notes().getOrDefault(ReconnectScenario.ID, List.of()).stream()
                .noneMatch(note -> note.startsWith(ReconnectScenario.SHORT_HEARTBEAT_NOTE));
        results.target(name, defaults ? status(worst < 15) : "NOT MEASURED", prefix + String.format(
                "slowest client noticed it after %.1f s%s", worst, defaults ? "" : " (with a short heartbeat: not the defaults)"));
    }

    private static void noLoss(Results results, String prefix) {
        String name = "zero messages lost (silent link death and hub restart)";
        double silent = results.median(ReconnectScenario.ID, ReconnectScenario.SILENT, "messages lost", ROADIE);
        double restart = results.median(ReconnectScenario.ID, ReconnectScenario.RESTART, "messages lost", ROADIE);
        if (Double.isNaN(silent) && Double.isNaN(restart)) {
            results.target(name, "NOT MEASURED", "the reconnect scenario did not run");
            return;
        }
        double worstSilent = max(results, ReconnectScenario.SILENT);
        double worstRestart = max(results, ReconnectScenario.RESTART);
        results.target(name, status(worstSilent == 0 && worstRestart == 0), prefix + String.format(
                "lost after a silent link death: %.0f; after a hub restart: %.0f (worst repetition)", worstSilent, worstRestart));
    }

    private static double max(Results results, String variant) {
        return results.figures().stream()
                .filter(f -> f.scenario().equals(ReconnectScenario.ID) && f.variant().equals(variant) && f.metric().equals("messages lost"))
                .flatMap(f -> f.values().getOrDefault(ROADIE, List.of()).stream()).mapToDouble(Double::doubleValue).max()
                .orElse(Double.NaN);
    }

    private static String status(boolean pass) {
        return pass ? "PASS" : "MISS";
    }
}
