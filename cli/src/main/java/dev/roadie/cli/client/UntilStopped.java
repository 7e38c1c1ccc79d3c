package dev.roadie.cli.client;

import java.util.concurrent.CountDownLatch;

/**
 * Holds a command that runs until it is stopped: by Ctrl+C or {@code SIGTERM} (a shutdown hook),
 * by the command itself when going on is pointless (the hub refused its client for good, the
 * reader of its output went away), or by a test or an embedding program. Carries the exit code.
 */
final class UntilStopped {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final String hookName;
    private volatile int exitCode;

    /** @param hookName the name of the shutdown hook's thread, {@code roadie-COMMAND-stop} */
    UntilStopped(String hookName) {
        this.hookName = hookName;
    }

    /** Stops the wait, exit code unchanged (0 unless {@link #fail()} came first); from any thread. */
    void stop() {
        stopped.countDown();
    }

    /** Stops the wait with exit code 1; from any thread. */
    void fail() {
        exitCode = 1;
        stop();
    }

    /**
     * Waits until stopped, Ctrl+C included, and returns the exit code. The shutdown hook is
     * removed on return, so that a command run many times in one JVM (tests) leaves none behind.
     */
    int await() throws InterruptedException {
        Thread hook = Thread.ofPlatform().name(hookName).unstarted(this::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is stopping (which is why the wait ended): the hook runs or ran anyway.
                stopped.countDown();
            }
        }
        return exitCode;
    }
}
