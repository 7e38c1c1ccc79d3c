package dev.roadie.model.registry;

import java.util.List;

/**
 * The whole registry as a subscriber of topic {@code registry} may see it, sent first on each
 * new subscription with subject {@code registry.snapshot}, in one or more parts so that no
 * message grows with the registry. A client collects parts 1 to {@code parts}, then replaces what
 * it knew with them: services missing from them are gone (they may have been removed while the
 * client was away). {@link RegistryEvent}s and {@link RegistryStats} follow.
 *
 * @param entries the services of this part, sorted by kind and name across the parts
 * @param part    which part this is, from 1; 0 (absent) in snapshots of older hubs, read as 1
 * @param parts   how many parts the snapshot has; 0 (absent) in snapshots of older hubs, read as 1
 */
public record RegistrySnapshot(List<ServiceEntry> entries, int part, int parts) {

    /** The subject of snapshot messages. */
    public static final String SUBJECT = "registry.snapshot";

    public RegistrySnapshot {
        entries = entries == null ? List.of() : List.copyOf(entries);
        part = Math.max(part, 1);
        parts = Math.max(parts, part);
    }

    /** A whole snapshot in one part. */
    public RegistrySnapshot(List<ServiceEntry> entries) {
        this(entries, 1, 1);
    }

    /** Whether this is the last part: the snapshot is complete once it is in. */
    public boolean lastPart() {
        return part >= parts;
    }
}
