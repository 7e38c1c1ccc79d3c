package dev.roadie.hub.registry;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.ServiceId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells several listeners, in the order added: the hub's own subscribers first, then, in a
 * cluster, the other hubs (which join after the registry exists).
 */
public final class RegistryListeners implements RegistryListener {
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    public RegistryListeners(RegistryListener first) {
        listeners.add(first);
    }

    /** Tells {@code more} too, from now on. */
    public void add(RegistryListener more) {
        listeners.add(more);
    }

    @Override
    public void changed(RegistryEvent event) {
        listeners.forEach(listener -> listener.changed(event));
    }

    @Override
    public void stats(ServiceId service, NodeStats stats) {
        listeners.forEach(listener -> listener.stats(service, stats));
    }
}
