package dev.roadie.bench;

import dev.roadie.bench.peers.Capability;
import dev.roadie.bench.peers.Peer;
import dev.roadie.bench.peers.SystemUnderTest;
import dev.roadie.bench.report.Results.Better;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scenario (b): sequential request/reply round trips, one at a time, from one peer to another. */
final class RequestScenario {
    static final String ID = "b";
    static final String TITLE = "(b) sequential request/reply round trip";
    private static final Logger log = LoggerFactory.getLogger(RequestScenario.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String VARIANT = "100 B, one at a time";

    private final BenchContext context;

    RequestScenario(BenchContext context) {
        this.context = context;
    }

    void run(SystemUnderTest system) throws Exception {
        if (!system.capabilities().contains(Capability.REQUEST)) {
            return;
        }
        int warmup = context.quick() ? 50 : 200;
        int count = context.quick() ? 300 : 3000;
        // Bounded in time as well as count: a slow system gives fewer samples rather than a longer run.
        Duration bound = context.quick() ? Duration.ofSeconds(3) : Duration.ofMillis(2500);
        if (!context.budget().fits(ID, bound)) {
            context.results().note(ID, "Some repetitions were skipped: the scenario's time budget was spent.");
            return;
        }
        long started = System.nanoTime();
        String payload = "x".repeat(100);
        try (Peer asker = system.connect("asker"); Peer answerer = answerer(system)) {
            answerer.onRequest(body -> body);
            Histogram rtt = new Histogram(3);
            // The bound counts from here, not from connecting; the warm-up takes at most a third of it.
            long begin = System.nanoTime();
            long deadline = begin + bound.toNanos();
            long warmUntil = begin + bound.toNanos() / 3;
            int done = 0;
            long measuring = 0;
            for (int i = 0; done < count && System.nanoTime() < deadline; i++) {
                if (measuring == 0 && (i >= warmup || System.nanoTime() > warmUntil)) {
                    measuring = System.nanoTime();
                }
                long sent = System.nanoTime();
                asker.request("answerer", payload, TIMEOUT).get(TIMEOUT.toSeconds() + 2, TimeUnit.SECONDS);
                if (measuring != 0) {
                    rtt.recordValue((System.nanoTime() - sent) / 1000);
                    done++;
                }
            }
            if (done == 0) {
                context.results().note(ID, system.label() + ": no measured round trip within " + bound.toMillis()
                        + " ms (the warm-up took it all); no figure.");
                return;
            }
            double seconds = (System.nanoTime() - measuring) / 1e9;
            var results = context.results();
            results.add(ID, VARIANT, "round trip p50", "ms", Better.LOWER, system.id(), RelayScenario.ms(rtt.getValueAtPercentile(50)));
            results.add(ID, VARIANT, "round trip p99", "ms", Better.LOWER, system.id(), RelayScenario.ms(rtt.getValueAtPercentile(99)));
            results.add(ID, VARIANT, "requests per second", "req/s", Better.HIGHER, system.id(), Math.round(done / seconds));
            log.info("{} request/reply: {} round trips, p50 {} ms, p99 {} ms", system.id(), done,
                    RelayScenario.ms(rtt.getValueAtPercentile(50)), RelayScenario.ms(rtt.getValueAtPercentile(99)));
        } finally {
            context.budget().charge(ID, started);
        }
    }

    private Peer answerer(SystemUnderTest system) throws Exception {
        if (system.capabilities().contains(Capability.ECHO_ONLY)) {
            context.results().note(ID, "The echo server answers by itself: its round trip has no second client, the floor of any relay.");
        }
        return system.connect("answerer");
    }
}
