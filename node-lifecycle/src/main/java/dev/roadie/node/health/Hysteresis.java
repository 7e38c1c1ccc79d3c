package dev.roadie.node.health;

/**
 * Holds a level until {@code readings} readings in a row agree on another, so that one bad
 * reading does not flap the node's health in every bot. Starts at PASSING.
 */
public final class Hysteresis {
    private final int readings;
    private HealthLevel stable = HealthLevel.PASSING;
    private HealthLevel candidate;
    private int streak;

    public Hysteresis(int readings) {
        if (readings < 1) {
            throw new IllegalArgumentException("readings must be at least 1, got " + readings);
        }
        this.readings = readings;
    }

    /** Takes one reading; returns the level that holds after it. */
    public HealthLevel offer(HealthLevel reading) {
        if (reading == stable) {
            candidate = null;
            streak = 0;
            return stable;
        }
        if (reading == candidate) {
            streak++;
        } else {
            candidate = reading;
            streak = 1;
        }
        if (streak >= readings) {
            stable = reading;
            candidate = null;
            streak = 0;
        }
        return stable;
    }

    public HealthLevel level() {
        return stable;
    }
}
