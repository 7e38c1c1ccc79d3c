package dev.roadie.client.internal;

import dev.roadie.client.Subscription;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A registered handler as the application holds it; closing runs {@code onClose} once. */
final class Handle<H> implements Subscription {
    final String name;
    final H handler;
    private final CompletableFuture<Void> ready;
    private final Consumer<Handle<H>> onClose;
    private volatile boolean closed;

    Handle(String name, H handler, CompletableFuture<Void> ready, Consumer<Handle<H>> onClose) {
        this.name = name;
        this.handler = handler;
        this.ready = ready;
        this.onClose = onClose;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<Void> ready() {
        return ready;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "Subscription[" + name + "]";
    }
}
