package dev.roadie.client.internal;

import java.util.concurrent.ThreadFactory;

/** Names the client's threads, so that a thread dump says whose they are. */
final class Threads {
    private Threads() {
    }

    /** A factory of daemon threads called {@code roadie-client-NAME-ROLE}: a forgotten client never keeps the JVM alive. */
    static ThreadFactory named(String clientName, String role) {
        String name = name(clientName, role);
        // Plain Thread, not Thread.ofPlatform(): the SDK also runs on Android.
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    static String name(String clientName, String role) {
        return "roadie-client-" + clientName + "-" + role;
    }
}
