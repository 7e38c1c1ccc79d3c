package dev.roadie.hub.registry;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.ServiceId;

/** Hears what changes in the {@link Registry}, to publish it. */
public interface RegistryListener {
    /** A service was added, changed (descriptor, owner, state) or removed. */
    void changed(RegistryEvent event);

    /** A service has new stats; they come often, so they are told apart from other changes. */
    void stats(ServiceId service, NodeStats stats);
}
