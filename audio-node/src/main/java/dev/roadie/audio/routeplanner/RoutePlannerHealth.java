package dev.roadie.audio.routeplanner;

import com.sedmelluq.lava.extensions.youtuberotator.planner.AbstractRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.planner.RotatingNanoIpRoutePlanner;
import dev.roadie.node.health.FailingAddress;
import dev.roadie.node.health.RoutePlannerStatus;

/**
 * The planner's state in the shape the node agent's health checks read from a Lavalink's
 * {@code /v4/routeplanner/status}, taken from the planner directly.
 */
public final class RoutePlannerHealth {
    private RoutePlannerHealth() {
    }

    public static RoutePlannerStatus of(AbstractRoutePlanner planner) {
        return new RoutePlannerStatus(planner.getClass().getSimpleName(),
                planner.getIpBlock().getType().getSimpleName(), planner.getIpBlock().getSize(),
                FailingAddresses.of(planner).entrySet().stream()
                        .map(entry -> new FailingAddress(entry.getKey(), entry.getValue())).toList(),
                planner instanceof RotatingNanoIpRoutePlanner nano ? nano.getCurrentBlock() : null);
    }
}
