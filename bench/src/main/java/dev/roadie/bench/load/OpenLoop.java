package dev.roadie.bench.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Sends at a fixed offered rate from a fixed schedule: message {@code i} is due at
 * {@code start + i / rate}. Whatever the sender's delays, every message keeps its due time
 * (the latency is measured from it), and the sender catches up by sending what is overdue at
 * once: a slow system cannot lower the offered rate and hide its latency.
 *
 * <p>The sender never spins while it waits for the next due time: it sleeps, and the system wakes
 * it some tens of microseconds late, when it sends everything that came due meanwhile. A sender
 * spinning on the clock would take a core from the system under test on a small machine (at
 * 32,000 messages a second the next one is always due in under 50 microseconds), and the most
 * from the systems that need the most CPU. The late wake-ups count in every system's latency alike.
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * Runs {@code send} with each due time, {@code rate} times a second for {@code duration},
     * on the calling thread; returns the number of messages sent.
     */
    public static long run(double rate, Duration duration, long startNanos, LongConsumer send) {
        long total = (long) Math.floor(rate * duration.toNanos() / 1e9);
        double interval = 1e9 / rate;
        long sent = 0;
        while (sent < total) {
            long now = System.nanoTime();
            long due = Math.min(total, (long) Math.floor((now - startNanos) / interval) + 1);
            if (now < startNanos) {
                due = 0;
            }
            while (sent < due) {
                send.accept(startNanos + (long) (sent * interval));
                sent++;
            }
            if (sent < total) {
                long next = startNanos + (long) (sent * interval);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
        return sent;
    }
}
