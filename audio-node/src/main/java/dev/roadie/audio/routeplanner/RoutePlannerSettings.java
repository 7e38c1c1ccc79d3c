package dev.roadie.audio.routeplanner;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lavalink's {@code lavalink.server.ratelimit}: the IP blocks the node sends its source requests
 * from, and how it picks an address. No blocks: no route planner, as on Lavalink.
 *
 * @param ipBlocks           CIDR blocks ({@code 2001:db8::/48}, {@code 10.0.0.0/29}); several make one block
 * @param excludedIps        addresses of the blocks never used
 * @param strategy           how the address is chosen
 * @param searchTriggersFail whether a rate-limited search marks the address failing (Lavalink's default: true)
 * @param retryLimit         how often a rate-limited request is sent again from another address: -1 lavaplayer's
 *                           default (10), 0 without limit, as Lavalink
 */
public record RoutePlannerSettings(List<String> ipBlocks, List<String> excludedIps, Strategy strategy,
        boolean searchTriggersFail, int retryLimit) {

    /** No blocks: the node sends from the machine's own address. */
    public static final RoutePlannerSettings NONE = new RoutePlannerSettings(List.of(), List.of(),
            Strategy.ROTATE_ON_BAN, true, -1);

    public RoutePlannerSettings {
        ipBlocks = List.copyOf(ipBlocks);
        excludedIps = List.copyOf(excludedIps);
    }

    /** Whether there is a block to plan routes over. */
    public boolean enabled() {
        return !ipBlocks.isEmpty();
    }

    /**
     * The settings from {@code ROADIE_AUDIO_RATELIMIT_*} variables over those of {@code application.yml}
     * ({@code fromFile}): each variable that is set wins over the file's key.
     *
     * @throws IllegalArgumentException one line naming the variable that is wrong and what it takes
     */
    public static RoutePlannerSettings resolve(Map<String, String> env, RoutePlannerSettings fromFile) {
        List<String> blocks = fromFile.ipBlocks();
        String value = env(env, "ROADIE_AUDIO_RATELIMIT_IP_BLOCKS");
        if (value != null) {
            blocks = checkedBlocks(split(value), "ROADIE_AUDIO_RATELIMIT_IP_BLOCKS");
        }
        List<String> excluded = fromFile.excludedIps();
        value = env(env, "ROADIE_AUDIO_RATELIMIT_EXCLUDED_IPS");
        if (value != null) {
            excluded = checkedAddresses(split(value), "ROADIE_AUDIO_RATELIMIT_EXCLUDED_IPS");
        }
        value = env(env, "ROADIE_AUDIO_RATELIMIT_STRATEGY");
        Strategy strategy = value == null ? fromFile.strategy() : Strategy.parse(value, "ROADIE_AUDIO_RATELIMIT_STRATEGY");
        value = env(env, "ROADIE_AUDIO_RATELIMIT_SEARCH_TRIGGERS_FAIL");
        boolean search = value == null ? fromFile.searchTriggersFail()
                : bool(value, "ROADIE_AUDIO_RATELIMIT_SEARCH_TRIGGERS_FAIL");
        value = env(env, "ROADIE_AUDIO_RATELIMIT_RETRY_LIMIT");
        int retries = value == null ? fromFile.retryLimit() : retryLimit(value, "ROADIE_AUDIO_RATELIMIT_RETRY_LIMIT");
        return new RoutePlannerSettings(blocks, excluded, strategy, search, retries);
    }

    /**
     * {@code blocks} when each is a CIDR block, in lower case as lavaplayer reads them.
     *
     * @throws IllegalArgumentException naming {@code setting} and the first block that is not one
     */
    public static List<String> checkedBlocks(List<String> blocks, String setting) {
        return blocks.stream().map(block -> {
            String[] parts = block.strip().toLowerCase(Locale.ROOT).split("/", -1);
            InetAddress address = parts.length == 2 ? literal(parts[0]) : null;
            int maxBits = address instanceof Inet4Address ? 32 : 128;
            if (address == null || !parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > maxBits) {
                throw new IllegalArgumentException(setting + " must list IP blocks in CIDR notation, like"
                        + " 2001:db8::/48 or 10.0.0.0/29, not '" + block + "'");
            }
            return parts[0] + "/" + parts[1];
        }).toList();
    }

    /**
     * {@code addresses} when each is an IP address written out (a host name would be looked up).
     *
     * @throws IllegalArgumentException naming {@code setting} and the first that is not one
     */
    public static List<String> checkedAddresses(List<String> addresses, String setting) {
        for (String address : addresses) {
            if (literal(address.strip()) == null) {
                throw new IllegalArgumentException(setting + " must list IP addresses, like 2001:db8::1 or 10.0.0.1,"
                        + " not '" + address + "'");
            }
        }
        return addresses.stream().map(String::strip).toList();
    }

    /** The address {@code text} writes out, or null when it is not one; never a name lookup. */
    static InetAddress literal(String text) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(text.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = text.contains(":") && text.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            // Only digits, dots and colons: InetAddress parses it, with no lookup.
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * Lavalink's {@code retryLimit}: -1 and above.
     *
     * @throws IllegalArgumentException naming {@code setting}
     */
    public static int retryLimit(String text, String setting) {
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= -1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Said below, with what it takes.
        }
        throw new IllegalArgumentException(setting + " must be a whole number: -1 for lavaplayer's default (10), 0 for"
                + " no limit, or how many times to retry; not '" + text + "'");
    }

    private static boolean bool(String text, String setting) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(setting + " must be true or false, not '" + text + "'");
        };
    }

    /** Spring's list in one value: comma-separated. */
    static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String env(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
