package dev.roadie.audio;

import java.time.Duration;

/**
 * The node's settings. {@code statsInterval} is Lavalink's fixed 60 s; {@code playerUpdateInterval}
 * is {@code lavalink.server.playerUpdateInterval} (5 s by default); {@code audio} holds the rest of
 * Lavalink's {@code lavalink.server} settings that apply here.
 */
public record AudioNodeConfig(String host, int port, String password, Duration statsInterval,
        Duration playerUpdateInterval, AudioSettings audio) {

    public AudioNodeConfig(String host, int port, String password, Duration statsInterval,
            Duration playerUpdateInterval) {
        this(host, port, password, statsInterval, playerUpdateInterval, AudioSettings.DEFAULTS);
    }

    public static AudioNodeConfig defaults(String password) {
        return new AudioNodeConfig("0.0.0.0", 2333, password, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }
}
