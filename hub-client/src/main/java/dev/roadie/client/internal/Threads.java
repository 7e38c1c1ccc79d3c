package dev.roadie.client.internal;

import java.util.concurrent.ThreadFactory;

/** Names the client's threads, so that a thread dump says whose they are. */
final class Threads {
    private Threads() {
    }

    /** A factory of daemon threads called {@code roadie-client-NAME-ROLE}: a forgotten client never keeps the JVM alive. */
    static ThreadFactory named(String clientName, String role) {
        return Thread.ofPlatform().name(name(clientName, role)).daemon().factory();
    }

    static String name(String clientName, String role) {
        return "roadie-client-" + clientName + "-" + role;
    }
}
