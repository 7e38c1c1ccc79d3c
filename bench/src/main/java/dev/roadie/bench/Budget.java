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

    /** The budgets of a quick or a full run. */
    public static Budget of(boolean quick) {
        Budget budget = new Budget();
        if (quick) {
            budget.allow("a", Duration.ofSeconds(45));
            budget.allow("b", Duration.ofSeconds(15));
            budget.allow("c", Duration.ofSeconds(20));
            budget.allow("d", Duration.ofSeconds(30));
            budget.allow("e", Duration.ofSeconds(30));
            budget.allow("f", Duration.ofSeconds(20));
        } else {
            budget.allow("a", Duration.ofSeconds(510));
            budget.allow("b", Duration.ofSeconds(60));
            budget.allow("c", Duration.ofSeconds(90));
            budget.allow("d", Duration.ofSeconds(210));
            budget.allow("e", Duration.ofSeconds(150));
            budget.allow("f", Duration.ofSeconds(90));
        }
        return budget;
    }

    private void allow(String scenario, Duration time) {
        allowed.put(scenario, time);
        used.put(scenario, 0L);
    }

    /** Whether {@code scenario} may start a unit expected to take {@code unit}. */
    public synchronized boolean fits(String scenario, Duration unit) {
        return used.get(scenario) + unit.toNanos() <= allowed.get(scenario).toNanos();
    }

    /** Charges {@code scenario} with the time since {@code startedNanos}. */
    public synchronized void charge(String scenario, long startedNanos) {
        used.merge(scenario, System.nanoTime() - startedNanos, Long::sum);
    }

    public synchronized Duration used(String scenario) {
        return Duration.ofNanos(used.get(scenario));
    }

    /** The whole budget. */
    public Duration total() {
        return allowed.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Logs each scenario's budget, for the start of a run. */
    public void print() {
        allowed.forEach((scenario, time) -> log.info("budget of scenario ({}): {} s", scenario, time.toSeconds()));
        log.info("budget of the whole run: {} min {} s, plus starting and stopping the systems", total().toMinutes(),
                total().toSecondsPart());
    }

    public Map<String, Duration> allowed() {
        return Map.copyOf(allowed);
    }
}
