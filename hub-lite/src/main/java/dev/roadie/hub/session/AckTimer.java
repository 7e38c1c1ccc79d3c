package dev.roadie.hub.session;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long the hub may hold back an ack of client frames ({@code sessions.ackDelay}), and the
 * thread that writes the held-back ones, shared by every session. Its own thread rather than the
 * hub's timer: a flush is due every few milliseconds per busy session, and must neither wait
 * behind heartbeat rounds nor delay them.
 *
 * <p>The flushes asked for while one is pending run together, in one wake-up of the thread, when
 * the first of them is due: with many busy sessions the thread wakes once per delay, not once per
 * session per delay (docs/PERFORMANCE.md, "Sixth round"). No ack waits longer for it: each flush
 * is asked for at most a delay after the frame it acknowledges, and the pending run is due at most
 * a delay after it was asked for, before any later one. Some run earlier than asked, which only
 * acknowledges sooner.
 */
public final class AckTimer implements AutoCloseable {
    private final long delayNanos;
    private final ScheduledThreadPoolExecutor thread;
    private final ConcurrentLinkedQueue<Runnable> due = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean runPending = new AtomicBoolean();

    public AckTimer(Duration delay) {
        this.delayNanos = delay.toNanos();
        this.thread = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("roadie-acks").daemon().factory());
    }

    /** The delay in nanoseconds; 0 means every frame is acked at once. */
    long delayNanos() {
        return delayNanos;
    }

    /**
     * Runs {@code flush} in {@code nanos} at the latest, with the other flushes due by then; false
     * when the timer is stopped (the hub is stopping).
     */
    boolean schedule(Runnable flush, long nanos) {
        if (thread.isShutdown()) {
            return false;
        }
        due.add(flush);
        if (runPending.compareAndSet(false, true)) {
            try {
                thread.schedule(this::runDue, nanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                return false;
            }
        }
        return true;
    }

    /** Runs every flush asked for so far; one asked for meanwhile gets a run of its own. */
    private void runDue() {
        runPending.set(false);
        for (Runnable flush = due.poll(); flush != null; flush = due.poll()) {
            flush.run();
        }
    }

    /** Stops the thread; acks still held back are not written (the hub is closing every link anyway). */
    @Override
    public void close() {
        thread.shutdownNow();
        due.clear();
    }
}
