package dev.roadie.bench;

import dev.roadie.bench.load.LatencyProbe;
import dev.roadie.bench.load.OpenLoop;
import dev.roadie.bench.load.Payload;
import dev.roadie.bench.peers.Capability;
import dev.roadie.bench.peers.Peer;
import dev.roadie.bench.peers.SystemUnderTest;
import dev.roadie.bench.report.Results.Better;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (a): relay throughput and latency. Offered rates step up a ladder until the system
 * no longer keeps up; "sustained" is the highest step it kept up with.
 */
final class RelayScenario {
    static final String ID = "a";
    static final String TITLE = "(a) relay throughput and latency";
    /** Kept up: at least this share of the offered messages arrived within the step and its drain time... */
    static final double KEPT_UP_SHARE = 0.95;
    /** ...and the 99th percentile stayed under this. */
    static final double P99_BOUND_MS = 50;
    static final int PAIRS = 4;
    static final int FAN_OUT = 10;
    private static final Logger log = LoggerFactory.getLogger(RelayScenario.class);
    private static final AtomicLong STEPS = new AtomicLong();

    /** One way of relaying: who sends to whom, and how big. */
    record Variant(String name, boolean fanOut, int size, List<Integer> ladder) {
    }

    private final BenchContext context;
    /** The sustained rate of each system and variant in the first repetition, where the later ones start. */
    private final Map<String, Integer> firstSustained = new java.util.concurrent.ConcurrentHashMap<>();

    RelayScenario(BenchContext context) {
        this.context = context;
    }

    static List<Variant> variants(boolean quick) {
        // Delivered messages per second; a fan-out publishes a tenth of them. Doubling up to 8,000,
        // then steps of 1.5 and 1.33 in turn: where the systems saturate, a doubling ladder would call
        // a system at 16,000 and one at 31,000 equal. It starts at 2,000, which every system keeps up
        // with (the warm-up before it has run lower rates).
        List<Integer> ladder = List.of(2_000, 4_000, 8_000, 12_000, 16_000, 24_000, 32_000, 48_000, 64_000, 96_000,
                128_000);
        if (quick) {
            return List.of(new Variant("1:1 100 B", false, 100, List.of(500, 1_000)),
                    new Variant("1:10 100 B", true, 100, List.of(1_000)));
        }
        return List.of(new Variant("1:1 100 B", false, 100, ladder), new Variant("1:1 2 KB", false, 2048, ladder),
                new Variant("1:10 100 B", true, 100, ladder), new Variant("1:10 2 KB", true, 2048, ladder));
    }

    /** A warm-up step: long enough for the JIT to see the rate, short enough to fit the budget. */
    private static final Duration WARM_UP_STEP = Duration.ofSeconds(1);
    /**
     * The warm-up's steps, a second each: up to a rate every system keeps up with, then held there
     * for 8 s. A fresh hub's JIT compiler needs about that long at 8,000 a second: after only a
     * second there, later repetitions missed 12,000 a second that the first (warmed further by its
     * own lower steps) kept up with.
     */
    private static final List<Integer> WARM_UP = List.of(500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000, 8_000,
            8_000, 8_000, 8_000);
    /** The quick run's warm-up: the steps of its own 1:1 ladder. */
    private static final List<Integer> QUICK_WARM_UP = List.of(500, 1_000);
    /** Not kept up this many steps in a row: saturated, whatever the latency. */
    private static final int MISSES_TO_STOP = 2;

    private Duration stepLength() {
        return context.quick() ? Duration.ofSeconds(1) : Duration.ofMillis(1500);
    }

    private Duration drainBound() {
        return context.quick() ? Duration.ofSeconds(1) : Duration.ofMillis(1500);
    }

    /**
     * The first repetition climbs the whole ladder; the later ones start at half the first one's
     * sustained rate, below where their answer lies (a fresh server thrown straight at its limit
     * measures its JIT compiler), and climb from there until they saturate as the first did.
     */
    private List<Integer> ladder(SystemUnderTest system, Variant variant, int repetition) {
        Integer sustained = firstSustained.get(system.id() + "|" + variant.name());
        if (repetition == 1 || sustained == null) {
            return variant.ladder();
        }
        return laterLadder(variant.ladder(), sustained);
    }

    /** The steps a later repetition climbs, given the first one's sustained rate (0: none). */
    static List<Integer> laterLadder(List<Integer> ladder, int sustained) {
        int from = 0;
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i) * 2 <= sustained) {
                from = i;
            }
        }
        return sustained == 0 ? ladder.subList(0, 1) : ladder.subList(from, ladder.size());
    }

    /** Runs every variant the system can do, for one repetition. */
    void run(SystemUnderTest system, int repetition) throws Exception {
        boolean warmUp = true;
        for (Variant variant : variants(context.quick())) {
            if (variant.fanOut() && !system.capabilities().contains(Capability.FAN_OUT)) {
                context.results().note(ID, system.label() + " has no fan-out: its 1:" + FAN_OUT + " rows are empty.");
                continue;
            }
            runVariant(system, variant, repetition, warmUp);
            warmUp = false;
        }
    }

    /** The peers of one variant: who sends, who receives, to which names or group. */
    record Wiring(List<Peer> senders, List<Peer> receivers, List<String> targets, String group) implements AutoCloseable {

        /** Connects the peers of {@code variant}, named with {@code tag} (names must not clash within a server's run). */
        static Wiring connect(SystemUnderTest system, Variant variant, String tag) throws Exception {
            Wiring wiring = new Wiring(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), "fan-" + tag);
            boolean echo = system.capabilities().contains(Capability.ECHO_ONLY);
            try {
                if (variant.fanOut()) {
                    wiring.senders.add(system.connect("pub-" + tag));
                    for (int i = 0; i < FAN_OUT; i++) {
                        Peer receiver = system.connect("sub-" + tag + "-" + i);
                        wiring.receivers.add(receiver);
                        receiver.join(wiring.group);
                    }
                } else {
                    for (int i = 0; i < PAIRS; i++) {
                        Peer sender = system.connect("snd-" + tag + "-" + i);
                        wiring.senders.add(sender);
                        if (echo) {
                            // The echo sends back to the sender: it is its own receiver.
                            wiring.receivers.add(sender);
                            wiring.targets.add("self");
                        } else {
                            String name = "rcv-" + tag + "-" + i;
                            wiring.receivers.add(system.connect(name));
                            wiring.targets.add(name);
                        }
                    }
                }
                return wiring;
            } catch (Exception | Error e) {
                wiring.close();
                throw e;
            }
        }

        @Override
        public void close() {
            senders.forEach(Peer::close);
            receivers.stream().filter(peer -> !senders.contains(peer)).forEach(Peer::close);
        }
    }

    /** Offers {@code rate} deliveries a second through {@code wiring} for {@code length}, then waits for the stragglers. */
    Step step(SystemUnderTest system, Variant variant, int rate, Wiring wiring, Duration length) {
        return step(system, variant, rate, wiring.senders(), wiring.receivers(), wiring.targets(), wiring.group(), length);
    }

    /** The unrecorded warm-up of a fresh server ({@link #WARM_UP}, or the quick run's two short steps). */
    void warmUp(SystemUnderTest system, Variant variant, Wiring wiring) {
        for (int rate : context.quick() ? QUICK_WARM_UP : WARM_UP) {
            step(system, variant, rate, wiring, WARM_UP_STEP);
        }
    }

    private void runVariant(SystemUnderTest system, Variant variant, int repetition, boolean warmUp) throws Exception {
        try (Wiring wiring = Wiring.connect(system, variant, Integer.toString(repetition))) {
            if (warmUp) {
                // Warm up (JIT, buffers, connections) once per fresh server, not recorded, a second a
                // step. A JIT-compiled server (or client library) thrown cold at 16,000 messages a second
                // measures its compiler, not its relay; and a later repetition, which records only the
                // steps from half the first one's answer, would start cold.
                long started = System.nanoTime();
                warmUp(system, variant, wiring);
                context.budget().charge(ID, started);
            }
            Step last = null;
            Step best = null;
            int misses = 0;
            for (int rate : ladder(system, variant, repetition)) {
                Duration unit = stepLength().plus(drainBound());
                if (!context.budget().fits(ID, unit)) {
                    context.results().note(ID, "Some rate steps were skipped: the scenario's time budget was spent.");
                    break;
                }
                long started = System.nanoTime();
                last = step(system, variant, rate, wiring, stepLength());
                context.budget().charge(ID, started);
                log.info("{} {} offered {}/s: achieved {}/s, p50 {} ms, p99 {} ms, missing {}{}", system.id(), variant.name(),
                        rate, Math.round(last.achieved), last.p50, last.p99, last.missing, last.keptUp ? "" : " (not kept up)");
                recordStep(system, variant, repetition, last);
                misses = last.keptUp ? 0 : misses + 1;
                if (last.keptUp) {
                    best = last;
                } else if (!last.throughputKept || last.p99 > 10 * P99_BOUND_MS || misses >= MISSES_TO_STOP) {
                    // Saturated: higher rates only pile up backlog. One step that missed only the latency
                    // bound (a hiccup of a busy machine) does not end the ladder; two in a row do.
                    break;
                }
            }
            String v = variant.name();
            if (repetition == 1) {
                firstSustained.put(system.id() + "|" + v, best == null ? 0 : best.offered());
            }
            var results = context.results();
            if (best != null) {
                results.add(ID, v, "sustained rate", "msg/s", Better.HIGHER, system.id(), best.offered);
                results.add(ID, v, "p50 at sustained rate", "ms", Better.LOWER, system.id(), best.p50);
                results.add(ID, v, "p99 at sustained rate", "ms", Better.LOWER, system.id(), best.p99);
                results.add(ID, v, "p99.9 at sustained rate", "ms", Better.LOWER, system.id(), best.p999);
            } else if (last != null) {
                results.add(ID, v, "sustained rate", "msg/s", Better.HIGHER, system.id(), 0);
                results.note(ID, system.label() + " did not keep up with the lowest step of " + v + ".");
            }
            if (last != null && !last.keptUp && last != best) {
                results.add(ID, v, "achieved at first step not kept up", "msg/s", Better.HIGHER, system.id(), last.achieved);
            }
        }
    }

    /** What one step measured. */
    record Step(int offered, double achieved, long sent, long received, long missing, long failures, double p50,
            double p99, double p999, double max, boolean throughputKept, boolean keptUp) {
    }

    /** Offers {@code rate} deliveries a second for {@code length}, then waits for the stragglers; also run by the cluster scenario. */
    Step step(SystemUnderTest system, Variant variant, int rate, List<Peer> senders, List<Peer> receivers,
            List<String> targets, String group, Duration length) {
        long stepId = STEPS.incrementAndGet();
        LatencyProbe probe = new LatencyProbe(stepId);
        receivers.forEach(receiver -> receiver.onMessage(probe::receive));
        long failuresBefore = senders.stream().mapToLong(Peer::failures).sum();
        int perMessage = variant.fanOut() ? FAN_OUT : 1;
        double sendRate = (double) rate / perMessage;
        long start = System.nanoTime() + 20_000_000;
        long[] seq = {0};
        long sent = OpenLoop.run(sendRate, length, start, intended -> {
            long n = seq[0]++;
            String payload = Payload.of(stepId, n, intended, variant.size());
            int who = (int) (n % senders.size());
            if (variant.fanOut()) {
                senders.get(who).publish(group, payload);
            } else {
                senders.get(who).send(targets.get(who), payload);
            }
        });
        long expected = sent * perMessage;
        long drainUntil = System.nanoTime() + drainBound().toNanos();
        while (probe.received() < expected && System.nanoTime() < drainUntil) {
            // Nothing to wait on but arrivals: poll every millisecond until they are all in or time is up.
            LockSupport.parkNanos(1_000_000);
        }
        long received = probe.received();
        Histogram latency = probe.histogram();
        long end = Math.max(probe.lastNanos(), start + length.toNanos());
        double achieved = received / ((end - start) / 1e9);
        double p99 = ms(latency.getValueAtPercentile(99));
        boolean throughputKept = received >= KEPT_UP_SHARE * expected && received > 0;
        boolean keptUp = throughputKept && p99 <= P99_BOUND_MS;
        long failures = senders.stream().mapToLong(Peer::failures).sum() - failuresBefore;
        return new Step(rate, achieved, expected, received, expected - received, failures,
                ms(latency.getValueAtPercentile(50)), p99, ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()),
                throughputKept, keptUp);
    }

    private void recordStep(SystemUnderTest system, Variant variant, int repetition, Step step) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("system", system.id());
        row.put("variant", variant.name());
        row.put("repetition", repetition);
        row.put("offered", step.offered());
        row.put("achieved", Math.round(step.achieved()));
        row.put("sent", step.sent());
        row.put("received", step.received());
        row.put("missing", step.missing());
        row.put("sendFailures", step.failures());
        row.put("p50Ms", step.p50());
        row.put("p99Ms", step.p99());
        row.put("p999Ms", step.p999());
        row.put("maxMs", step.max());
        row.put("keptUp", step.keptUp());
        context.results().step(row);
    }

    static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
