package dev.roadie.bench;

import dev.roadie.bench.peers.Capability;
import dev.roadie.bench.peers.Peer;
import dev.roadie.bench.peers.SystemUnderTest;
import dev.roadie.bench.report.Results.Better;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (c): one request to 10 and to 100 receivers, the answers collected, one gather at a
 * time. Every receiver notes when it answered (the load generator's clock), so the report
 * shows how long after the slowest answer the asker had the whole result: the gather's own cost.
 */
final class GatherScenario {
    static final String ID = "c";
    static final String TITLE = "(c) gather";
    private static final Logger log = LoggerFactory.getLogger(GatherScenario.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BenchContext context;
    private final Map<String, AtomicLong> lastAnswer = new ConcurrentHashMap<>();

    GatherScenario(BenchContext context) {
        this.context = context;
    }

    void run(SystemUnderTest system, int repetition) throws Exception {
        if (!system.capabilities().contains(Capability.GATHER)) {
            context.results().note(ID, system.label() + " has no gather: no figures.");
            return;
        }
        for (int receivers : context.quick() ? List.of(10) : List.of(10, 100)) {
            // Bounded in time as well as count: a slow system gives fewer samples rather than a longer run.
            Duration bound = Duration.ofSeconds(receivers == 100 ? 4 : 2);
            if (!context.budget().fits(ID, bound)) {
                context.results().note(ID, "Some repetitions were skipped: the scenario's time budget was spent.");
                return;
            }
            long started = System.nanoTime();
            try {
                gather(system, receivers, repetition, bound);
            } finally {
                context.budget().charge(ID, started);
            }
        }
    }

    private void gather(SystemUnderTest system, int count, int repetition, Duration bound) throws Exception {
        String group = "gather-" + count + "-" + repetition;
        List<Peer> receivers = new ArrayList<>();
        try (Peer asker = system.connect("gatherer-" + count + "-" + repetition)) {
            for (int i = 0; i < count; i++) {
                Peer receiver = system.connect("g" + count + "-" + repetition + "-" + i);
                receivers.add(receiver);
                receiver.onRequest(id -> {
                    lastAnswer.get(id).accumulateAndGet(System.nanoTime(), Math::max);
                    return "ok";
                });
                receiver.join(group);
            }
            // Unrecorded gathers first, so that the gather's own code paths are compiled (the relay
            // scenarios before warmed only the paths of single messages).
            int warmup = count == 100 ? 25 : 50;
            int rounds = context.quick() ? 20 : (count == 100 ? 60 : 150);
            Histogram total = new Histogram(3);
            Histogram overhead = new Histogram(3);
            long deadline = System.nanoTime() + bound.toNanos();
            int done = 0;
            for (int i = 0; i < warmup + rounds && System.nanoTime() < deadline; i++) {
                String id = group + "-" + i;
                AtomicLong last = new AtomicLong();
                lastAnswer.put(id, last);
                long sent = System.nanoTime();
                int answers = asker.gather(group, count, id, TIMEOUT).get(TIMEOUT.toSeconds() + 2, TimeUnit.SECONDS);
                long now = System.nanoTime();
                lastAnswer.remove(id);
                if (answers != count) {
                    throw new IllegalStateException(system.label() + " gathered " + answers + " answers of " + count);
                }
                if (i >= warmup) {
                    total.recordValue((now - sent) / 1000);
                    overhead.recordValue(Math.max(0, now - last.get()) / 1000);
                    done++;
                }
            }
            String variant = "to " + count + " receivers";
            if (done == 0) {
                context.results().note(ID, system.label() + ": no measured gather " + variant + " within " + bound.toSeconds()
                        + " s (the warm-up took it all); no figure.");
                return;
            }
            var results = context.results();
            results.add(ID, variant, "gather time p50", "ms", Better.LOWER, system.id(), RelayScenario.ms(total.getValueAtPercentile(50)));
            results.add(ID, variant, "gather time p99", "ms", Better.LOWER, system.id(), RelayScenario.ms(total.getValueAtPercentile(99)));
            results.add(ID, variant, "after the slowest answer, p50", "ms", Better.LOWER, system.id(),
                    RelayScenario.ms(overhead.getValueAtPercentile(50)));
            results.add(ID, variant, "after the slowest answer, p99", "ms", Better.LOWER, system.id(),
                    RelayScenario.ms(overhead.getValueAtPercentile(99)));
            log.info("{} gather to {}: {} gathers, p50 {} ms, {} ms after the slowest answer (p50)", system.id(), count, done,
                    RelayScenario.ms(total.getValueAtPercentile(50)), RelayScenario.ms(overhead.getValueAtPercentile(50)));
        } finally {
            receivers.forEach(Peer::close);
        }
    }
}
