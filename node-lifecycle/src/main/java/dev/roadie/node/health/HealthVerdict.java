package dev.roadie.node.health;

/**
 * The node's health after a reading.
 *
 * @param level     the overall level, after hysteresis
 * @param reason    why, from the worst check of this reading (empty when passing)
 * @param exhausted whether the IP block is judged exhausted (the address checks critical, after hysteresis)
 */
public record HealthVerdict(HealthLevel level, String reason, boolean exhausted) {
    public static final HealthVerdict START = new HealthVerdict(HealthLevel.PASSING, "", false);
}
