package dev.roadie.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Receives the messages of one step: counts them and records each one's latency from its
 * intended send time, in microseconds, in an HdrHistogram recorder (safe for many threads).
 * Messages of other steps (late ones of the step before) are counted apart and not recorded.
 */
public final class LatencyProbe {
    private final long step;
    private final Recorder recorder = new Recorder(3);
    private final LongAdder received = new LongAdder();
    private final LongAdder strays = new LongAdder();
    private final AtomicLong lastNanos = new AtomicLong();

    public LatencyProbe(long step) {
        this.step = step;
    }

    /** Records one received payload. */
    public void receive(String payload) {
        long now = System.nanoTime();
        if (Payload.step(payload) != step) {
            strays.increment();
            return;
        }
        recorder.recordValue(Math.max(0, (now - Payload.intendedNanos(payload)) / 1000));
        received.increment();
        lastNanos.accumulateAndGet(now, Math::max);
    }

    public long received() {
        return received.sum();
    }

    public long strays() {
        return strays.sum();
    }

    /** When the last message of this step arrived ({@link System#nanoTime()}), 0 if none did. */
    public long lastNanos() {
        return lastNanos.get();
    }

    /** The latencies recorded so far (microseconds). */
    public Histogram histogram() {
        return recorder.getIntervalHistogram();
    }
}
