package dev.roadie.node.health;

import java.time.Duration;

/**
 * Where the health changes. Shares are between 0 and 1.
 *
 * @param readings          readings in a row that must agree before the level changes
 * @param loadWarning       system load that makes the node warning
 * @param loadCritical      and critical
 * @param framesWarning     frame deficit as a share of the expected 3000 frames a minute per playing player
 * @param framesCritical    and critical
 * @param addressesWarning  failing addresses as a share of the block size
 * @param addressesCritical and exhausted
 * @param failuresWindow    the window new failing addresses are counted in
 * @param failuresWarning   new failing addresses in it that make the node warning
 * @param failuresCritical  and exhausted
 * @param jumpsWindow       the window block index changes are counted in
 * @param jumpsWarning      changes in it that make the node warning
 * @param jumpsCritical     and exhausted
 */
public record HealthThresholds(int readings, double loadWarning, double loadCritical, double framesWarning,
        double framesCritical, double addressesWarning, double addressesCritical, Duration failuresWindow,
        int failuresWarning, int failuresCritical, Duration jumpsWindow, int jumpsWarning, int jumpsCritical) {

    /** The documented defaults (docs/NODE-AGENT.md). */
    public static HealthThresholds defaults() {
        return new HealthThresholds(3, 0.80, 0.95, 0.05, 0.20, 0.50, 0.90, Duration.ofMinutes(1), 5, 20,
                Duration.ofMinutes(10), 1, 3);
    }

    /** What is contradictory (a warning above its critical), or null. */
    public String contradiction() {
        if (loadWarning > loadCritical) {
            return "health.load.warning (" + loadWarning + ") is above health.load.critical (" + loadCritical + ")";
        }
        if (framesWarning > framesCritical) {
            return "health.frames.warning is above health.frames.critical";
        }
        if (addressesWarning > addressesCritical) {
            return "health.addresses.warning is above health.addresses.critical";
        }
        if (failuresWarning > failuresCritical) {
            return "health.failures.warning is above health.failures.critical";
        }
        if (jumpsWarning > jumpsCritical) {
            return "health.blockJumps.warning is above health.blockJumps.critical";
        }
        return null;
    }

    /** The same thresholds needing {@code count} readings in a row (tests use fewer). */
    public HealthThresholds withReadings(int count) {
        return new HealthThresholds(count, loadWarning, loadCritical, framesWarning, framesCritical, addressesWarning,
                addressesCritical, failuresWindow, failuresWarning, failuresCritical, jumpsWindow, jumpsWarning,
                jumpsCritical);
    }
}
