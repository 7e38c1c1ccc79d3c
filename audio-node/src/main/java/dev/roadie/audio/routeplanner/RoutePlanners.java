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
    private static final BigInteger BLOCK64 = BigInteger.TWO.pow(64);

    private RoutePlanners() {
    }

    /**
     * Checks that the strategy can plan over the blocks, before lavaplayer is asked to (it logs as it
     * makes them, and fails with less to say): one kind of address; a /64 of IPv6 or more for the nano
     * strategies; more than 128 addresses for RotateOnBan.
     *
     * @throws IllegalArgumentException one line saying what is wrong and what to use
     */
    public static void check(RoutePlannerSettings settings) {
        if (!settings.enabled()) {
            return;
        }
        long kinds = settings.ipBlocks().stream().map(block -> block.contains(":")).distinct().count();
        if (kinds > 1) {
            throw new IllegalArgumentException("The route planner's IP blocks " + settings.ipBlocks()
                    + " mix IPv4 and IPv6: lavaplayer plans over one kind only; list blocks of one kind");
        }
        boolean v6 = settings.ipBlocks().getFirst().contains(":");
        BigInteger size = settings.ipBlocks().stream()
                .map(block -> BigInteger.TWO.pow((v6 ? 128 : 32) - Integer.parseInt(block.substring(block.indexOf('/') + 1))))
                .reduce(BigInteger.ZERO, BigInteger::add);
        String what = "The route planner strategy " + settings.strategy().lavalinkName() + " cannot use the blocks "
                + settings.ipBlocks() + " (" + size + " addresses): ";
        switch (settings.strategy()) {
            case NANO_SWITCH, ROTATING_NANO_SWITCH -> {
                if (!v6 || size.compareTo(BLOCK64) < 0) {
                    throw new IllegalArgumentException(what + "it needs an IPv6 block of a /64 or more; use"
                            + " RotateOnBan or LoadBalance for a smaller block");
                }
            }
            case ROTATE_ON_BAN -> {
                // The library steps through a block of 128 or fewer one address at a time from index 0, which
                // its combined block cannot give: every request would fail with "Can't find a free ip".
                if (size.compareTo(SMALLEST_ROTATING) <= 0) {
                    throw new IllegalArgumentException(what + "lavaplayer's RotatingIpRoutePlanner finds no address"
                            + " in a block of 128 or fewer; give a larger block or use LoadBalance");
                }
            }
            case LOAD_BALANCE -> {
                // Any block.
            }
        }
    }

    /**
     * The planner for {@code settings}, or empty when they name no block.
     *
     * @throws IllegalArgumentException as {@link #check(RoutePlannerSettings)}
     */
    public static Optional<AbstractRoutePlanner> create(RoutePlannerSettings settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        check(settings);
        List<IpBlock> blocks = settings.ipBlocks().stream()
                .map(block -> block.contains(":") ? (IpBlock) new Ipv6Block(block) : new Ipv4Block(block)).toList();
        Set<String> excluded = settings.excludedIps().stream().map(RoutePlannerSettings::literal)
                .map(InetAddress::toString).collect(Collectors.toUnmodifiableSet());
        Predicate<InetAddress> allowed = address -> !excluded.contains(address.toString());
        boolean search = settings.searchTriggersFail();
        return Optional.of(switch (settings.strategy()) {
            case ROTATE_ON_BAN -> new RotatingIpRoutePlanner(blocks, allowed, search);
            case LOAD_BALANCE -> new BalancingIpRoutePlanner(blocks, allowed, search);
            // Lavalink gives NanoSwitch no filter either: the library's planner takes none.
            case NANO_SWITCH -> new NanoIpRoutePlanner(blocks, search);
            case ROTATING_NANO_SWITCH -> new RotatingNanoIpRoutePlanner(blocks, allowed, search);
        });
    }
}
