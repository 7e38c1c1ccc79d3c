package dev.roadie.node.health;

/**
 * The level one check found, and why (shown in the logs and the {@code health.reason} label).
 */
public record Finding(HealthLevel level, String reason) {
    public static final Finding PASSING = new Finding(HealthLevel.PASSING, "");

    /** The worse finding; the first on a tie. */
    public Finding worst(Finding other) {
        return other.level.compareTo(level) > 0 ? other : this;
    }

    static Finding of(double value, double warning, double critical, String what) {
        if (value >= critical) {
            return new Finding(HealthLevel.CRITICAL, what);
        }
        if (value >= warning) {
            return new Finding(HealthLevel.WARNING, what);
        }
        return PASSING;
    }
}
