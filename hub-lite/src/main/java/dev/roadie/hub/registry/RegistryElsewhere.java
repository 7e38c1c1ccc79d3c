package dev.roadie.hub.registry;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The hubs of a cluster that hold services this hub does not (docs/CLUSTER.md, "The registry
 * across hubs"): a change to one of their services is made by the hub that holds it, its
 * authority. {@link #NONE} for a hub on its own, which holds every service it knows.
 */
public interface RegistryElsewhere {
    RegistryElsewhere NONE = new RegistryElsewhere() {
        @Override
        public Optional<String> holder(ServiceId id) {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<Optional<ServiceEntry>> setState(String hub, ServiceId id, ServiceState state,
                String actor) {
            throw new IllegalStateException("a hub on its own holds every service it knows");
        }

        @Override
        public CompletableFuture<Optional<ServiceEntry>> stats(String hub, ServiceId id, NodeStats stats) {
            throw new IllegalStateException("a hub on its own holds every service it knows");
        }
    };

    /** The other hub that holds {@code id} (up there, or at least known there), if one does. */
    Optional<String> holder(ServiceId id);

    /**
     * Asks hub {@code hub} to move {@code id} to {@code state}; completes with the entry as that
     * hub has it now, empty when it no longer holds it, or with a {@link RegistryElsewhereException}.
     */
    CompletableFuture<Optional<ServiceEntry>> setState(String hub, ServiceId id, ServiceState state, String actor);

    /** Hands hub {@code hub} new stats for {@code id}; completes as {@link #setState} does. */
    CompletableFuture<Optional<ServiceEntry>> stats(String hub, ServiceId id, NodeStats stats);
}
