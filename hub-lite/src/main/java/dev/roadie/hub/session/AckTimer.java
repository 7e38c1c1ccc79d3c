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
 * <p>Flushes are run in ticks, each running every flush asked for until then, in one wake-up of
 * the thread: the first a flush's own delay after it is asked for, then, while there were flushes
 * to run, one every ack delay. With many busy sessions the thread wakes once per delay, not once
 * per session per delay (docs/PERFORMANCE.md, "Sixth round"). No ack waits longer for it: a flush
 * asked for at time t runs by the tick after t, at most a delay later, and each session still gets
 * at most one flushed ack per tick. Some run earlier than asked, which only acknowledges sooner.
 */
public final class AckTimer implements AutoCloseable {
    private final long delayNanos;
    private final ScheduledThreadPoolExecutor thread;
    private final ConcurrentLinkedQueue<Runnable> due = new ConcurrentLinkedQueue<>();
    /** Whether a tick is scheduled; only the tick itself sets it back. */
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final Runnable tick = this::tick;
    /** Ticks that ran flushes, for tests. */
    private volatile int busyTicks;

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
        return !ticking.compareAndSet(false, true) || scheduleTick(nanos);
    }

    /** Runs every flush asked for so far; while there were some, the next tick follows a delay after this one. */
    private void tick() {
        long started = System.nanoTime();
        boolean ranAny = false;
        for (Runnable flush = due.poll(); flush != null; flush = due.poll()) {
            flush.run();
            ranAny = true;
        }
        if (ranAny) {
            busyTicks++; // only this thread writes it
            scheduleTick(Math.max(0, started + delayNanos - System.nanoTime()));
            return;
        }
        ticking.set(false);
        // One asked for after the last poll found the tick still scheduled and left it to this one.
        if (!due.isEmpty() && ticking.compareAndSet(false, true)) {
            scheduleTick(0);
        }
    }

    /** How many ticks ran flushes so far. */
    int busyTicks() {
        return busyTicks;
    }

    private boolean scheduleTick(long nanos) {
        try {
            thread.schedule(tick, nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    /** Stops the thread; acks still held back are not written (the hub is closing every link anyway). */
    @Override
    public void close() {
        thread.shutdownNow();
        due.clear();
    }
}
