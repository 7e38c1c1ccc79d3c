package dev.roadie.audio.routeplanner;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lavalink's {@code lavalink.server.ratelimit.strategy} values, each one of lavaplayer's route planners. */
public enum Strategy {
    /** {@code RotatingIpRoutePlanner}: one address until the source rate-limits it, then the next. */
    ROTATE_ON_BAN("RotateOnBan"),
    /** {@code BalancingIpRoutePlanner}: a random address of the block for each request. */
    LOAD_BALANCE("LoadBalance"),
    /** {@code NanoIpRoutePlanner}: the address the clock's nanoseconds point at; needs a /64 IPv6 block or larger. */
    NANO_SWITCH("NanoSwitch"),
    /** {@code RotatingNanoIpRoutePlanner}: as NanoSwitch, and the next /64 when one is rate-limited. */
    ROTATING_NANO_SWITCH("RotatingNanoSwitch");

    private final String lavalinkName;

    Strategy(String lavalinkName) {
        this.lavalinkName = lavalinkName;
    }

    /** The name as Lavalink's configuration writes it. */
    public String lavalinkName() {
        return lavalinkName;
    }

    /**
     * The strategy {@code text} names, matched as Lavalink matches it (case and surrounding spaces do not count).
     *
     * @param setting names the setting in the message
     * @throws IllegalArgumentException naming the setting and the four strategies
     */
    public static Strategy parse(String text, String setting) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.lavalinkName.toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(setting + " must be one of " + names() + ", not '"
                        + text + "'"));
    }

    static String names() {
        return Arrays.stream(values()).map(Strategy::lavalinkName).collect(Collectors.joining(", "));
    }
}
