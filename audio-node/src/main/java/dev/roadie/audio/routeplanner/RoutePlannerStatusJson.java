package dev.roadie.audio.routeplanner;

import com.sedmelluq.lava.extensions.youtuberotator.planner.AbstractRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.planner.BalancingIpRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.planner.NanoIpRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.planner.RotatingIpRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.planner.RotatingNanoIpRoutePlanner;
import java.util.Date;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v4/routeplanner/status} as Lavalink writes it: {@code class}, and {@code details} with
 * the block, the failing addresses and each planner's own fields, numbers as decimal strings
 * (an IPv6 block's size and indexes overflow a long).
 */
final class RoutePlannerStatusJson {
    private RoutePlannerStatusJson() {
    }

    static ObjectNode of(AbstractRoutePlanner planner, JsonMapper json) {
        ObjectNode status = json.createObjectNode();
        status.put("class", planner.getClass().getSimpleName());
        ObjectNode details = status.putObject("details");
        details.putObject("ipBlock").put("type", planner.getIpBlock().getType().getSimpleName())
                .put("size", planner.getIpBlock().getSize().toString());
        ArrayNode failing = details.putArray("failingAddresses");
        for (Map.Entry<String, Long> entry : FailingAddresses.of(planner).entrySet()) {
            // failingTime is Java's Date text in the server's zone, as Lavalink's.
            failing.addObject().put("failingAddress", entry.getKey()).put("failingTimestamp", entry.getValue())
                    .put("failingTime", new Date(entry.getValue()).toString());
        }
        switch (planner) {
            case RotatingIpRoutePlanner rotating -> details.put("rotateIndex", rotating.getRotateIndex().toString())
                    .put("ipIndex", rotating.getIndex().toString())
                    // Lavalink writes the address with Kotlin's toString: "null" before the first request.
                    .put("currentAddress", String.valueOf(rotating.getCurrentAddress()));
            case NanoIpRoutePlanner nano -> details.put("currentAddressIndex", Long.toString(nano.getCurrentAddress()));
            case RotatingNanoIpRoutePlanner nano -> details.put("blockIndex", nano.getCurrentBlock().toString())
                    .put("currentAddressIndex", Long.toString(nano.getAddressIndexInBlock()));
            case BalancingIpRoutePlanner balancing -> {
                // Only the block and the failing addresses.
            }
            default -> throw new IllegalStateException("unexpected route planner " + planner.getClass().getName());
        }
        return status;
    }
}
