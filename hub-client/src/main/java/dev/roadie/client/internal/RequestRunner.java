package dev.roadie.client.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs request handlers beside each other, at most {@code limit} at a time, so that a slow
 * request (a search) does not hold back a quick one (a pause). Requests are handed over from the
 * event thread in the order they arrived, after every message and event that came before them,
 * and start in that order; those over the limit wait their turn. Plain daemon threads, not
 * virtual ones: the SDK also runs on Android.
 */
final class RequestRunner {
    private static final Logger log = LoggerFactory.getLogger(RequestRunner.class);
    /** An idle request thread ends after this, so that a quiet client holds none. */
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final String client;
    private final ThreadPoolExecutor threads;
    private final ThreadLocal<Boolean> onRequestThread = ThreadLocal.withInitial(() -> false);

    RequestRunner(String client, int limit) {
        this.client = client;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(limit, limit, IDLE.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(() -> {
                        onRequestThread.set(true);
                        runnable.run();
                    }, Threads.name(client, "request-" + count.incrementAndGet()));
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code handler} on a request thread when one is free; dropped once the client is closed. */
    void run(Runnable handler) {
        try {
            threads.execute(handler);
        } catch (RejectedExecutionException e) {
            log.debug("[{}] Dropped a request: the client is closed", client);
        }
    }

    /** Whether the caller is one of the request threads (a handler closing its own client). */
    boolean isCurrent() {
        return onRequestThread.get();
    }

    ExecutorService executor() {
        return threads;
    }
}
