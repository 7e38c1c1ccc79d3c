package dev.roadie.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time allowed to each scenario over the whole run, so that the run's length is bounded by
 * construction: a scenario checks its budget before each unit of work and skips (and says so)
 * what no longer fits. A unit in progress may overrun by its own length.
 */
public final class Budget {
    private static final Logger log = LoggerFactory.getLogger(Budget.class);
    private final Map<String, Duration> allowed = new LinkedHashMap<>();
    private final Map<String, Long> used = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private Duration whole;

    /** The budgets of a quick or a full run. */
    public static Budget of(boolean quick) {
        Budget budget = new Budget();
        // Seconds for a quick run, then a full one. The full run's come from what the scenarios used
        // in full runs, with room: the relay's ladder takes most.
        budget.allow("a", quick, 35, 690);
        budget.allow("b", quick, 10, 35);
        budget.allow("c", quick, 15, 45);
        // (d) adapts to the time left; 15 s of its full run went to (g)'s fail-over.
        budget.allow("d", quick, 35, 85);
        budget.allow("e", quick, 35, 70);
        budget.allow("f", quick, 10, 10);
        // (g) ends with the cluster's fail-over, about 15 s.
        budget.allow("g", quick, 50, 85);
        // (h): 4 variants of two windows (5 s) with their connecting and settling, about 25 s per
        // system and repetition (37 s run alone, with its own warm-up); one window of a second in
        // the quick run.
        budget.allow("h", quick, 12, 360);
        // Starting and stopping the systems comes on top; building comes before.
        budget.whole = Duration.ofSeconds(quick ? 205 : 1440);
        return budget;
    }

    private void allow(String scenario, boolean quick, int quickSeconds, int fullSeconds) {
        allow(scenario, Duration.ofSeconds(quick ? quickSeconds : fullSeconds));
    }

    private void allow(String scenario, Duration time) {
        allowed.put(scenario, time);
        used.put(scenario, 0L);
    }

    /** Whether {@code scenario} may start a unit expected to take {@code unit}. */
    public synchronized boolean fits(String scenario, Duration unit) {
        boolean inRun = System.nanoTime() - startNanos + unit.toNanos() <= whole.toNanos();
        if (!inRun) {
            log.warn("the run's whole budget ({} s) is nearly spent: skipping a unit of scenario ({})", whole.toSeconds(), scenario);
        }
        return inRun && used.get(scenario) + unit.toNanos() <= allowed.get(scenario).toNanos();
    }

    /** Whether a unit fits, with work of the scenario running since {@code sinceNanos} not charged yet. */
    public synchronized boolean fits(String scenario, long sinceNanos, Duration unit) {
        return fits(scenario, unit.plusNanos(System.nanoTime() - sinceNanos));
    }

    /** Charges {@code scenario} with the time since {@code startedNanos}. */
    public synchronized void charge(String scenario, long startedNanos) {
        used.merge(scenario, System.nanoTime() - startedNanos, Long::sum);
    }

    public synchronized Duration used(String scenario) {
        return Duration.ofNanos(used.get(scenario));
    }

    /** Time left before the whole run's deadline. */
    public Duration leftInRun() {
        return Duration.ofNanos(Math.max(0, whole.toNanos() - (System.nanoTime() - startNanos)));
    }

    /** The whole budget. */
    public Duration total() {
        return allowed.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Logs each scenario's budget, for the start of a run. */
    public void print() {
        allowed.forEach((scenario, time) -> log.info("budget of scenario ({}): {} s", scenario, time.toSeconds()));
        log.info("budget of the scenarios: {} min {} s; of the whole run, starting and stopping the systems included: {} min {} s",
                total().toMinutes(), total().toSecondsPart(), whole.toMinutes(), whole.toSecondsPart());
    }

    public synchronized Map<String, Duration> allowed() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(allowed));
    }
}
