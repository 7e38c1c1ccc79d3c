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
}
