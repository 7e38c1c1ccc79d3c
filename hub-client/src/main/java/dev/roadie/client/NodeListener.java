package dev.roadie.client;

import dev.roadie.model.registry.ServiceEntry;

/**
 * Hears changes of a {@link NodeDirectory}. Runs on the client's event thread; every method
 * has an empty default.
 */
public interface NodeListener {

    /** An audio node appeared. */
    default void added(ServiceEntry node) {
    }

    /** An audio node's descriptor, state or stats changed. */
    default void changed(ServiceEntry before, ServiceEntry after) {
    }

    /** An audio node was removed from the registry. */
    default void removed(ServiceEntry node) {
    }

    /**
     * An audio node that was {@code up} takes no more players: it is draining, retired or down,
     * or it was removed ({@code after} is then null). Heard after {@link #changed} or
     * {@link #removed}. A bot moves its players off it here, to a node from
     * {@link NodeDirectory#leastLoaded}: a draining node waits for its players to leave before
     * it retires (docs/BOT-INTEGRATION.md shows the move with a track's position kept).
     */
    default void leaving(ServiceEntry before, ServiceEntry after) {
    }
}
