package dev.roadie.client;

import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A live view of the registry's audio nodes (services of kind {@code audio-node}), kept from
 * the hub's {@code registry} topic. Subscribing makes the hub send every current entry first,
 * then each change. The nodes' {@code secrets} (the Lavalink password) are there only when the
 * client's token has the scope {@code secrets:audio-node}. Needs the scope {@code registry}.
 */
public interface NodeDirectory {

    /** The kind of service this directory follows. */
    String KIND = "audio-node";

    /** Every known audio node, in any state, sorted by name. */
    List<ServiceEntry> nodes();

    /** The audio nodes in state {@link ServiceState#UP}, sorted by name. */
    List<ServiceEntry> usable();

    /**
     * The usable node with the lowest load penalty ({@link dev.roadie.model.registry.NodeStats#penalty()};
     * no stats yet counts as no load), leaving out {@code except}; ties go to the first by name.
     * Where a bot places a new player, or moves one off a node that is {@link NodeListener#leaving leaving}.
     */
    default Optional<ServiceEntry> leastLoaded(Collection<ServiceId> except) {
        return usable().stream().filter(node -> !except.contains(node.id()))
                .min(Comparator.comparingDouble(node -> node.stats() == null ? 0 : node.stats().penalty()));
    }

    /** The entry of one node, if known. */
    Optional<ServiceEntry> node(ServiceId id);

    /** Adds a listener; close the returned handle to remove it. */
    AutoCloseable addListener(NodeListener listener);

    /** Completes when the hub confirmed the subscription to the registry, or fails when it refused it. */
    CompletableFuture<Void> ready();
}
