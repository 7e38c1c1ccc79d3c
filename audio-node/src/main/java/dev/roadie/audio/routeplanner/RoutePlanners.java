package dev.roadie.audio.routeplanner;

import com.sedmelluq.lava.extensions.youtuberotator.planner.AbstractRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.planner.BalancingIpRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.planner.NanoIpRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.planner.RotatingIpRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.planner.RotatingNanoIpRoutePlanner;
import com.sedmelluq.lava.extensions.youtuberotator.tools.ip.IpBlock;
import com.sedmelluq.lava.extensions.youtuberotator.tools.ip.Ipv4Block;
import com.sedmelluq.lava.extensions.youtuberotator.tools.ip.Ipv6Block;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Makes the route planner the settings ask for, as Lavalink makes it from {@code lavalink.server.ratelimit}. */
public final class RoutePlanners {
    private static final BigInteger SMALLEST_ROTATING = BigInteger.valueOf(128);

    private RoutePlanners() {
    }

    /**
     * The planner for {@code settings}, or empty when they name no block.
     *
     * @throws IllegalArgumentException one line saying what is wrong (a nano strategy on too small a block)
     */
    public static Optional<AbstractRoutePlanner> create(RoutePlannerSettings settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        List<IpBlock> blocks = settings.ipBlocks().stream()
                .map(block -> block.contains(":") ? (IpBlock) new Ipv6Block(block) : new Ipv4Block(block)).toList();
        if (blocks.stream().map(IpBlock::getType).distinct().count() > 1) {
            throw new IllegalArgumentException("The route planner's IP blocks " + settings.ipBlocks()
                    + " mix IPv4 and IPv6: lavaplayer plans over one kind only; list blocks of one kind");
        }
        BigInteger size = blocks.stream().map(IpBlock::getSize).reduce(BigInteger.ZERO, BigInteger::add);
        if (settings.strategy() == Strategy.ROTATE_ON_BAN && size.compareTo(SMALLEST_ROTATING) <= 0) {
            // The library steps through a block of 128 or fewer one address at a time from index 0, which its
            // combined block cannot give: every request would fail with "Can't find a free ip".
            throw new IllegalArgumentException("The route planner strategy RotateOnBan cannot use the blocks "
                    + settings.ipBlocks() + " (" + size + " addresses): lavaplayer's RotatingIpRoutePlanner finds no"
                    + " address in a block of 128 or fewer; give a larger block or use LoadBalance");
        }
        Set<String> excluded = settings.excludedIps().stream().map(RoutePlannerSettings::literal)
                .map(InetAddress::toString).collect(Collectors.toUnmodifiableSet());
        Predicate<InetAddress> allowed = address -> !excluded.contains(address.toString());
        boolean search = settings.searchTriggersFail();
        try {
            return Optional.of(switch (settings.strategy()) {
                case ROTATE_ON_BAN -> new RotatingIpRoutePlanner(blocks, allowed, search);
                case LOAD_BALANCE -> new BalancingIpRoutePlanner(blocks, allowed, search);
                // Lavalink gives NanoSwitch no filter either: the library's planner takes none.
                case NANO_SWITCH -> new NanoIpRoutePlanner(blocks, search);
                case ROTATING_NANO_SWITCH -> new RotatingNanoIpRoutePlanner(blocks, allowed, search);
            });
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The route planner strategy " + settings.strategy().lavalinkName()
                    + " cannot use the blocks " + settings.ipBlocks() + ": " + e.getMessage()
                    + "; use RotateOnBan or LoadBalance for a smaller block", e);
        }
    }
}
