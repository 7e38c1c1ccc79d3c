package dev.roadie.node.health;

import java.math.BigInteger;
import java.util.List;

/**
 * What {@code GET /v4/routeplanner/status} says, reduced to what the health needs.
 *
 * @param plannerClass     {@code RotatingIpRoutePlanner}, {@code RotatingNanoIpRoutePlanner}, ...
 * @param blockType        {@code Inet4Address} or {@code Inet6Address}
 * @param blockSize        how many addresses the block has; Lavalink writes it as a decimal string
 *                         because an IPv6 block overflows a long
 * @param failingAddresses the addresses that failed
 * @param blockIndex       the current block ({@code blockIndex} of the nano planners), or null
 *                         for planners that have none
 */
public record RoutePlannerStatus(String plannerClass, String blockType, BigInteger blockSize,
        List<FailingAddress> failingAddresses, BigInteger blockIndex) {
    public RoutePlannerStatus {
        failingAddresses = List.copyOf(failingAddresses);
    }
}
