package dev.roadie.model.registry;

/**
 * A change in the registry, published on topic {@code registry} with subject
 * {@code registry.changed}.
 *
 * @param change what happened
 * @param entry  the service after the change (before it, for removed)
 */
public record RegistryEvent(Change change, ServiceEntry entry) {

    /** The kinds of change. */
    public enum Change {
        /** A service announced itself for the first time. */
        added,
        /**
         * Its descriptor, owner or state changed. New stats alone come as {@link RegistryStats}
         * (subject {@code registry.stats}), not as this.
         */
        changed,
        /** It was forgotten: its lease ran out long ago. */
        removed
    }

    /** The topic registry events are published on. */
    public static final String TOPIC = "registry";
    /** Their subject. */
    public static final String SUBJECT = "registry.changed";
}
