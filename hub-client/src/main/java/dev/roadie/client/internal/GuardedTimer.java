package dev.roadie.client.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's timer thread. Every task runs guarded: a failing task (a bug, or application
 * code that should not have thrown) is logged and the thread goes on, so that heartbeats and
 * reconnects never stop silently. A periodic task that threw would otherwise never run again.
 */
final class GuardedTimer extends ScheduledThreadPoolExecutor {
    private static final Logger log = LoggerFactory.getLogger(GuardedTimer.class);

    private final String client;

    GuardedTimer(String client) {
        super(1, Threads.named(client, "timer"));
        this.client = client;
        // Cancelled deadlines (most of them: answers come in time) must not pile up in the queue.
        setRemoveOnCancelPolicy(true);
    }

    // execute(...) goes through schedule(command, 0, ...), so it is guarded too.
    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(guard(command), delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return super.scheduleAtFixedRate(guard(command), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return super.scheduleWithFixedDelay(guard(command), initialDelay, delay, unit);
    }

    private Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("[{}] A task of the client's timer failed; the client goes on", client, e);
            }
        };
    }
}
