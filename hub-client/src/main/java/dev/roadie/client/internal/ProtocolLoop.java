package dev.roadie.client.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the protocol's work one task at a time, in the order it was submitted, without a thread
 * of its own. The thread that submits a task runs it at once when no other task is running: the
 * application's thread that sends, the socket's thread that received a frame. When that thread
 * has run its share and more is waiting, the timer thread takes over the rest.
 *
 * <p>Why: when every send and every received frame moved to the timer thread, each cost a thread
 * wake-up and a context switch, which was most of the client's cost per message. State touched
 * only inside these tasks still needs no lock: one task runs at a time, and each sees what the
 * one before did (the queue and the owner flag order them). Tasks must never block: they may run
 * on the socket's own thread, whose reading would stop.
 */
final class ProtocolLoop implements Executor {
    private static final Logger log = LoggerFactory.getLogger(ProtocolLoop.class);
    /** Tasks a submitting thread runs before it leaves the rest to the timer, so that a send returns soon. */
    static final int INLINE_SHARE = 32;
    /** Tasks the timer thread runs in one go before its own deadlines and heartbeats get their turn. */
    static final int TIMER_SHARE = 256;

    /** A timed task that can be cancelled. */
    interface Timeout {
        /** After this, the task does not run (again), even if its time already came. */
        void cancel();
    }

    private final String client;
    private final GuardedTimer timer;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /** Whether some thread is running tasks now; only that thread polls the queue. */
    private final AtomicBoolean owned = new AtomicBoolean();
    private final Runnable drainOnTimer = () -> drain(TIMER_SHARE);

    ProtocolLoop(String client, GuardedTimer timer) {
        this.client = client;
        this.timer = timer;
    }

    /** Runs {@code task} after those submitted before it; here and now when nothing else runs. */
    @Override
    public void execute(Runnable task) {
        if (timer.isShutdown()) {
            throw new RejectedExecutionException("the client is closed");
        }
        queue.add(task);
        if (owned.compareAndSet(false, true)) {
            drain(INLINE_SHARE);
        }
    }

    /** Runs {@code task} in the loop after {@code delay}, unless cancelled first. */
    Timeout schedule(Runnable task, long delay, TimeUnit unit) {
        Timed timed = new Timed(task);
        timed.future = timer.schedule(timed::submit, delay, unit);
        return timed;
    }

    /** Runs {@code task} in the loop every {@code period}, until cancelled. */
    Timeout scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        Timed timed = new Timed(task);
        timed.future = timer.scheduleAtFixedRate(timed::submit, initialDelay, period, unit);
        return timed;
    }

    /** Runs queued tasks while this thread owns the loop; gives the loop up, or passes it to the timer. */
    private void drain(int share) {
        int left = share;
        while (true) {
            Runnable task;
            while (left > 0 && (task = queue.poll()) != null) {
                left--;
                run(task);
            }
            if (left == 0 && !queue.isEmpty()) {
                handToTimer();
                return;
            }
            owned.set(false);
            // A task added after the last poll found the loop owned and left it to us: take it back.
            if (queue.isEmpty() || !owned.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** The loop stays owned: the timer thread goes on where this thread stopped. */
    private void handToTimer() {
        try {
            timer.execute(drainOnTimer);
        } catch (RejectedExecutionException e) {
            log.debug("[{}] Dropped {} protocol tasks: the client is closed", client, queue.size());
            queue.clear();
            owned.set(false);
        }
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // Heartbeats and reconnects must go on whatever one task did.
            log.error("[{}] A protocol task failed; the client goes on", client, e);
        }
    }

    /** A task the timer submits to the loop when its time comes. */
    private final class Timed implements Timeout, Runnable {
        private final Runnable task;
        private volatile boolean cancelled;
        private volatile ScheduledFuture<?> future;

        Timed(Runnable task) {
            this.task = task;
        }

        void submit() {
            if (!cancelled) {
                try {
                    execute(this);
                } catch (RejectedExecutionException e) {
                    log.debug("[{}] A timed task came after the client closed", client);
                }
            }
        }

        @Override
        public void run() {
            // Checked again in the loop: a cancel in an earlier task wins even when the time had come.
            if (!cancelled) {
                task.run();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
