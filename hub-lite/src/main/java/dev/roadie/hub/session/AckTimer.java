package dev.roadie.hub.session;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * How long the hub may hold back an ack of client frames ({@code sessions.ackDelay}), and the
 * thread that writes the held-back ones, shared by every session. Its own thread rather than the
 * hub's timer: a flush is due every few milliseconds per busy session, and must neither wait
 * behind heartbeat rounds nor delay them.
 */
public final class AckTimer implements AutoCloseable {
    private final long delayNanos;
    private final ScheduledThreadPoolExecutor thread;

    public AckTimer(Duration delay) {
        this.delayNanos = delay.toNanos();
        this.thread = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("roadie-acks").daemon().factory());
    }

    /** The delay in nanoseconds; 0 means every frame is acked at once. */
    long delayNanos() {
        return delayNanos;
    }

    /** Runs {@code flush} in {@code nanos}; false when the timer is stopped (the hub is stopping). */
    boolean schedule(Runnable flush, long nanos) {
        try {
            thread.schedule(flush, nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    /** Stops the thread; acks still held back are not written (the hub is closing every link anyway). */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
