package dev.roadie.client;

import java.util.concurrent.CompletableFuture;

/**
 * A registered handler: a topic subscription, a request handler or a direct-message handler.
 * {@link #close()} removes it (and unsubscribes from the topic when it was the topic's last handler).
 */
public interface Subscription extends AutoCloseable {

    /** The topic or subject this handler is for. */
    String name();

    /**
     * Completes when the hub confirmed the subscription, or fails with a {@link RoadieException}
     * when the hub refused it (a missing scope, too many subscriptions). Completes at once for
     * handlers that need nothing from the hub.
     */
    CompletableFuture<Void> ready();

    /** Removes the handler. Closing twice does nothing. */
    @Override
    void close();
}
