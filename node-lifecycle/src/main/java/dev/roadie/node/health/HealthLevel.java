package dev.roadie.node.health;

/** How the node is doing, worst last. Announced as the label {@code health}. */
public enum HealthLevel {
    PASSING, WARNING, CRITICAL;

    /** The worse of two levels. */
    public HealthLevel worst(HealthLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The label value: {@code passing}, {@code warning}, {@code critical}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
