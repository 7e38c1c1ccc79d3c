package dev.roadie.model.registry;

import java.util.List;

/**
 * New load figures of services, published on topic {@code registry} with subject
 * {@code registry.stats}. Stats change every few seconds, so they travel apart from
 * {@link RegistryEvent}s and small: only the service id and its latest stats, at most one
 * update per service per interval (the hub's {@code registry.publishInterval}). A client keeps the
 * rest of the entry it knew; an update for a service it does not know is dropped.
 *
 * @param updates the latest stats of the services whose stats changed in the interval
 */
public record RegistryStats(List<Update> updates) {

    /** The subject of stats messages. */
    public static final String SUBJECT = "registry.stats";

    public RegistryStats {
        updates = updates == null ? List.of() : List.copyOf(updates);
    }

    /**
     * The latest stats of one service.
     *
     * @param service the service, {@code kind/name}
     * @param stats   its stats
     */
    public record Update(ServiceId service, NodeStats stats) {
    }
}
