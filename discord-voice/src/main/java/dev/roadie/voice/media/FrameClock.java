package dev.roadie.voice.media;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dedicated thread that runs a task every period on a grid of absolute times (start + n ×
 * period), so that a late tick does not push the ones after it: the error of one tick never
 * adds up, and over any long stretch the task runs exactly once per period. After a stall
 * (a loaded machine, a garbage collection) the missed ticks run back to back to catch up, so
 * the stream keeps its rate and the receiver's jitter buffer absorbs the burst. When the
 * thread falls more than {@link #MAX_CATCH_UP} periods behind (the machine was suspended), it
 * starts a new grid from now instead.
 */
final class FrameClock implements AutoCloseable {

    /** Ticks missed (one second) beyond which the grid restarts rather than catch up. */
    static final int MAX_CATCH_UP = 50;

    private static final Logger LOG = LoggerFactory.getLogger(FrameClock.class);

    private final long periodNanos;
    private final Runnable tick;
    private final Thread thread;
    private volatile boolean running = true;

    FrameClock(String threadName, Duration period, Runnable tick) {
        this.periodNanos = period.toNanos();
        this.tick = tick;
        this.thread = Thread.ofPlatform().name(threadName).daemon().priority(Thread.MAX_PRIORITY).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long next = System.nanoTime() + periodNanos;
        while (running) {
            long wait;
            while (running && (wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!running) {
                return;
            }
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.warn("A 20 ms media tick failed; the next tick runs as planned", e);
            }
            next += periodNanos;
            long now = System.nanoTime();
            if (now - next > MAX_CATCH_UP * periodNanos) {
                LOG.debug("Media clock {} fell {} ms behind; restarting its grid", thread.getName(), (now - next) / 1_000_000);
                next = now + periodNanos;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
