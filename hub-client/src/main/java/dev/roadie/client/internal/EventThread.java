package dev.roadie.client.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one thread that runs application code: handlers, listeners and future callbacks, in the
 * order things happened. Application code that blocks delays other application code, never the
 * socket nor the heartbeats.
 */
final class EventThread {
    private final ExecutorService executor;
    private volatile Thread thread;

    EventThread(String clientName) {
        var factory = Threads.named(clientName, "events");
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread created = factory.newThread(runnable);
            thread = created;
            return created;
        });
    }

    ExecutorService executor() {
        return executor;
    }

    /** Whether the caller runs on this thread. */
    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }
}
