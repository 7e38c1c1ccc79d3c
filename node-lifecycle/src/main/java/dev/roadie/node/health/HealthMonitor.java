package dev.roadie.node.health;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.node.health.RoutePlannerStatus;
import java.time.Instant;

/**
 * Turns readings of the node into a verdict: the load and address checks, each level held by
 * hysteresis. The block is exhausted only when the address checks alone are critical for
 * enough readings: a busy CPU is a reason to send players elsewhere, not to destroy the server.
 * An unreachable node reads as critical. Used by the poll thread only.
 */
public final class HealthMonitor {
    private final LoadCheck load;
    private final AddressCheck addresses;
    private final Hysteresis overall;
    private final Hysteresis block;
    private HealthVerdict verdict = HealthVerdict.START;
    private String blockReason = "";

    public HealthMonitor(HealthThresholds thresholds) {
        this.load = new LoadCheck(thresholds);
        this.addresses = new AddressCheck(thresholds);
        this.overall = new Hysteresis(thresholds.readings());
        this.block = new Hysteresis(thresholds.readings());
    }

    /**
     * A reading of a reachable node.
     *
     * @param planner the route planner's status, or null when the node has none
     */
    public HealthVerdict read(NodeStats stats, RoutePlannerStatus planner, Instant now) {
        Finding address = planner == null ? Finding.PASSING : addresses.judge(planner, now);
        Finding worst = load.judge(stats).worst(address);
        HealthLevel level = overall.offer(worst.level());
        boolean exhausted = block.offer(address.level()) == HealthLevel.CRITICAL;
        if (address.level() == HealthLevel.CRITICAL) {
            blockReason = address.reason();
        }
        verdict = new HealthVerdict(level, reason(level, worst), exhausted);
        return verdict;
    }

    /** A reading that failed: the node did not answer. */
    public HealthVerdict unreachable(String why) {
        HealthLevel level = overall.offer(HealthLevel.CRITICAL);
        verdict = new HealthVerdict(level, reason(level, new Finding(HealthLevel.CRITICAL, "node unreachable: " + why)),
                verdict.exhausted());
        return verdict;
    }

    /** While hysteresis holds a level the readings no longer show, the reason that brought it stays. */
    private String reason(HealthLevel level, Finding worst) {
        if (level == HealthLevel.PASSING) {
            return "";
        }
        return worst.level() == HealthLevel.PASSING ? verdict.reason() : worst.reason();
    }

    /**
     * Why the block is exhausted: the route-planner check's own reason, which the overall reason
     * hides when the load is as bad (a tie goes to the load).
     */
    public String exhaustionReason() {
        return blockReason;
    }

    public HealthVerdict verdict() {
        return verdict;
    }
}
