package dev.roadie.client;

import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
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

    /** The entry of one node, if known. */
    Optional<ServiceEntry> node(ServiceId id);

    /** Adds a listener; close the returned handle to remove it. */
    AutoCloseable addListener(NodeListener listener);

    /** Completes when the hub confirmed the subscription to the registry, or fails when it refused it. */
    CompletableFuture<Void> ready();
}
