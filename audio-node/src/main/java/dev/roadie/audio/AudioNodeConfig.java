package dev.roadie.audio;

import java.time.Duration;

/**
 * The node's settings. {@code statsInterval} is Lavalink's fixed 60 s; {@code playerUpdateInterval}
 * is {@code lavalink.server.playerUpdateInterval} (5 s by default).
 */
public record AudioNodeConfig(String host, int port, String password, Duration statsInterval,
        Duration playerUpdateInterval) {

    public static AudioNodeConfig defaults(String password) {
        return new AudioNodeConfig("0.0.0.0", 2333, password, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }
}
