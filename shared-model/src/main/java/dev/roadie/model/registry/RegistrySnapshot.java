package dev.roadie.model.registry;

import java.util.List;

/**
 * The whole registry as a subscriber of topic {@code registry} may see it, sent once, first, on
 * each new subscription, with subject {@code registry.snapshot}. A client replaces what it knew
 * with it: services missing from it are gone (they may have been removed while the client was
 * away), then {@link RegistryEvent}s follow.
 *
 * @param entries every service, sorted by kind and name
 */
public record RegistrySnapshot(List<ServiceEntry> entries) {

    /** The subject of snapshot messages. */
    public static final String SUBJECT = "registry.snapshot";

    public RegistrySnapshot {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
