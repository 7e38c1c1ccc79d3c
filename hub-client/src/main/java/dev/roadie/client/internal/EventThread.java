package dev.roadie.client.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread that runs application code: handlers, listeners and future callbacks, in the
 * order things happened. Application code that blocks delays other application code, never the
 * socket nor the heartbeats.
 */
final class EventThread {
    private final ExecutorService executor;
    private volatile Thread thread;
    /** Tasks handed to the thread that have not finished yet. */
    private final AtomicInteger unfinished = new AtomicInteger();

    EventThread(String clientName) {
        var factory = Threads.named(clientName, "events");
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread created = factory.newThread(runnable);
            thread = created;
            return created;
        });
    }

    /** For shutting the thread down; hand tasks over with {@link #execute}. */
    ExecutorService executor() {
        return executor;
    }

    /**
     * Runs {@code task} on the event thread after every task handed over before it.
     *
     * @throws RejectedExecutionException when the client is closed
     */
    void execute(Runnable task) {
        unfinished.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            unfinished.decrementAndGet();
            throw e;
        }
    }

    /**
     * Runs {@code task} after every task handed over before it: here and now when none of them
     * waits or runs, else on the event thread. For a hand-over that only has to come after the
     * application code before it (a request to its request thread): when the event thread is idle
     * it saves waking it, a thread switch per request for each receiver of a gather. Tasks handed
     * over meanwhile by other threads are not before it. {@code task} must not block.
     *
     * @throws RejectedExecutionException when the client is closed and something still waits
     */
    void executeAfterPending(Runnable task) {
        if (unfinished.get() == 0) {
            task.run();
        } else {
            execute(task);
        }
    }

    /** Whether the caller runs on this thread. */
    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }
}
