package dev.roadie.audio.announce;

import dev.roadie.node.health.HealthThresholds;
import dev.roadie.node.hub.NodeFacts;
import dev.roadie.node.hub.PublicEndpoint;
import dev.roadie.node.retire.RetireSettings;
import dev.roadie.settings.Durations;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the audio node announces itself, from {@code ROADIE_AUDIO_*} variables: off unless
 * {@code ROADIE_AUDIO_HUB} names the hub. The defaults are the node agent's (docs/NODE-AGENT.md).
 *
 * @param facts    the node as announced, and the hub
 * @param interval how often its stats are published and its health judged
 * @param health   the health thresholds (the agent's defaults, with {@code ROADIE_AUDIO_HEALTH_READINGS})
 * @param retire   what retiring does (the command; no DigitalOcean action here yet)
 */
public record AnnounceSettings(NodeFacts facts, Duration interval, HealthThresholds health, RetireSettings retire) {

    /**
     * The settings {@code env} asks for, or empty when {@code ROADIE_AUDIO_HUB} is unset.
     *
     * @param port     the node's port, the public port's default
     * @param password the node's password, announced as a secret
     * @throws IllegalArgumentException naming the variable that is wrong and what to set
     */
    public static Optional<AnnounceSettings> fromEnvironment(Map<String, String> env, int port, String password) {
        String hubs = value(env, "ROADIE_AUDIO_HUB", null);
        if (hubs == null) {
            return Optional.empty();
        }
        String token = value(env, "ROADIE_AUDIO_HUB_TOKEN", null);
        if (token == null) {
            throw new IllegalArgumentException("ROADIE_AUDIO_HUB is set but ROADIE_AUDIO_HUB_TOKEN is not: give the"
                    + " node a token with scope announce:audio-node (roadie token create --name NAME --kind audio-node)");
        }
        String host = localHostName();
        String name = value(env, "ROADIE_AUDIO_NAME", host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("ROADIE_AUDIO_NAME is lower-case letters, digits, '.', '_' or '-'"
                    + " (at most 64), got '" + name + "'");
        }
        PublicEndpoint endpoint = new PublicEndpoint(value(env, "ROADIE_AUDIO_PUBLIC_HOST", host),
                number(env, "ROADIE_AUDIO_PUBLIC_PORT", port, 1, 65535),
                Boolean.parseBoolean(value(env, "ROADIE_AUDIO_PUBLIC_TLS", "false")));
        Map<String, String> labels = new LinkedHashMap<>();
        String region = value(env, "ROADIE_AUDIO_REGION", null);
        if (region != null) {
            labels.put("region", region);
        }
        List<URI> hubUris = Arrays.stream(hubs.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(AnnounceSettings::hubUri).toList();
        NodeFacts facts = new NodeFacts(name, endpoint, password, labels, hubUris, token, "audio-node-" + name);
        HealthThresholds health = HealthThresholds.defaults()
                .withReadings(number(env, "ROADIE_AUDIO_HEALTH_READINGS", 3, 1, 1000));
        String command = value(env, "ROADIE_AUDIO_RETIRE_COMMAND", "");
        RetireSettings retire = new RetireSettings(
                Boolean.parseBoolean(value(env, "ROADIE_AUDIO_RETIRE_ENABLED", "true")),
                duration(env, "ROADIE_AUDIO_RETIRE_DRAIN_DEADLINE", "10m"),
                command.isBlank() ? List.of() : List.of(command.strip().split("\\s+")),
                duration(env, "ROADIE_AUDIO_RETIRE_COMMAND_TIMEOUT", "5m"), null);
        return Optional.of(new AnnounceSettings(facts, duration(env, "ROADIE_AUDIO_ANNOUNCE_INTERVAL", "5s"), health,
                retire));
    }

    private static URI hubUri(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ROADIE_AUDIO_HUB is the hub's socket URI, like"
                    + " wss://hub.example.org/ws, got '" + text + "'", e);
        }
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("ROADIE_AUDIO_HUB is the hub's socket URI (ws:// or wss://), like"
                    + " wss://hub.example.org/ws, got '" + text + "'");
        }
        return uri;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // Only a default: ROADIE_AUDIO_NAME and ROADIE_AUDIO_PUBLIC_HOST set it for a machine without a name.
            return "localhost";
        }
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String text = value(env, name, null);
        if (text == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said below, with the range.
        }
        throw new IllegalArgumentException(name + " is a number from " + min + " to " + max + ", got '" + text + "'");
    }

    private static Duration duration(Map<String, String> env, String name, String fallback) {
        String text = value(env, name, fallback);
        return Durations.parse(text).orElseThrow(() -> new IllegalArgumentException(name + " is a duration like "
                + Durations.EXAMPLES + ", got '" + text + "'"));
    }
}
