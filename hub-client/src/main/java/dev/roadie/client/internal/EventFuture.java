package dev.roadie.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future handed to applications. Its source is completed in the protocol loop (on any of the client's threads); this copy is
 * completed on the event thread, so that callbacks chained with {@code thenAccept} and friends
 * run there and never on the thread that keeps heartbeats and deadlines. Waiting on it from a
 * handler (which runs on the event thread) would wait for the thread it blocks, so there
 * {@link #get()} and {@link #join()} wait on the source instead.
 */
final class EventFuture<T> extends CompletableFuture<T> {
    private final CompletableFuture<T> source;
    private final EventThread events;

    private EventFuture(CompletableFuture<T> source, EventThread events) {
        this.source = source;
        this.events = events;
    }

    /** A future completed on the event thread after {@code source}. */
    static <T> CompletableFuture<T> relay(CompletableFuture<T> source, EventThread events) {
        EventFuture<T> future = new EventFuture<>(source, events);
        source.whenComplete((value, failure) -> {
            Runnable complete = () -> {
                if (failure != null) {
                    future.completeExceptionally(failure);
                } else {
                    future.complete(value);
                }
            };
            try {
                events.execute(complete);
            } catch (RejectedExecutionException e) {
                // The client is closed and its event thread gone: complete here rather than never.
                complete.run();
            }
        });
        return future;
    }

    private boolean waitOnSource() {
        return !isDone() && events.isCurrent();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return waitOnSource() ? source.get() : super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return waitOnSource() ? source.get(timeout, unit) : super.get(timeout, unit);
    }

    @Override
    public T join() {
        return waitOnSource() ? source.join() : super.join();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
