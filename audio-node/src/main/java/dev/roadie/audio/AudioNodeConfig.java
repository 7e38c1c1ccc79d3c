package dev.roadie.audio;

import dev.roadie.audio.routeplanner.RoutePlannerSettings;
import java.time.Duration;

/**
 * The node's settings. {@code statsInterval} is Lavalink's fixed 60 s; {@code playerUpdateInterval}
 * is {@code lavalink.server.playerUpdateInterval} (5 s by default); {@code audio} holds the rest of
 * Lavalink's {@code lavalink.server} settings that apply here; {@code routePlanner} is its
 * {@code lavalink.server.ratelimit}.
 */
public record AudioNodeConfig(String host, int port, String password, Duration statsInterval,
        Duration playerUpdateInterval, AudioSettings audio, RoutePlannerSettings routePlanner) {

    public AudioNodeConfig(String host, int port, String password, Duration statsInterval,
            Duration playerUpdateInterval, AudioSettings audio) {
        this(host, port, password, statsInterval, playerUpdateInterval, audio, RoutePlannerSettings.NONE);
    }

    public AudioNodeConfig(String host, int port, String password, Duration statsInterval,
            Duration playerUpdateInterval) {
        this(host, port, password, statsInterval, playerUpdateInterval, AudioSettings.DEFAULTS);
    }

    public static AudioNodeConfig defaults(String password) {
        return new AudioNodeConfig("0.0.0.0", 2333, password, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    /** The same with the route planner {@code settings} ask for. */
    public AudioNodeConfig withRoutePlanner(RoutePlannerSettings settings) {
        return new AudioNodeConfig(host, port, password, statsInterval, playerUpdateInterval, audio, settings);
    }
}
