package dev.roadie.hub.routing;

import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/** One request delivered to one receiver, waiting for its reply or its deadline. */
final class PendingCall {
    final String hubId;
    final Receiver receiver;
    final long startedNanos;
    final Consumer<Outcome> completion;
    volatile ScheduledFuture<?> deadline;

    PendingCall(String hubId, Receiver receiver, long startedNanos, Consumer<Outcome> completion) {
        this.hubId = hubId;
        this.receiver = receiver;
        this.startedNanos = startedNanos;
        this.completion = completion;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
