package dev.roadie.audio.config;

import com.sedmelluq.discord.lavaplayer.player.AudioConfiguration.ResamplingQuality;
import dev.roadie.audio.AudioSettings;
import dev.roadie.audio.filter.Filters;
import dev.roadie.audio.plugin.YoutubePlugin;
import dev.roadie.audio.routeplanner.RoutePlannerSettings;
import dev.roadie.audio.routeplanner.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Lavalink's {@code application.yml}, read for the keys that mean the same here, so that a
 * Lavalink's file works unchanged. Keys are matched as Spring matches them (case, {@code -} and
 * {@code _} do not count). A key that does not apply is named in a warning, not refused, since a
 * Lavalink file carries many (logging, metrics, plugins); a value that is wrong is an error naming
 * the file, the key and what it takes.
 *
 * @param port                 {@code server.port}, or null
 * @param address              {@code server.address}, or null
 * @param password             {@code lavalink.server.password}, or null
 * @param playerUpdateInterval {@code lavalink.server.playerUpdateInterval} (seconds), or null
 * @param audio                sources, filters and lavaplayer's settings
 * @param ratelimit            {@code lavalink.server.ratelimit}: the route planner
 * @param warnings             one line per key that does not apply
 * @param youtube              {@code plugins.youtube.enabled} and {@code allowSearch}, for youtube-source in the plugins folder
 */
public record ApplicationYml(Integer port, String address, String password, Duration playerUpdateInterval,
        AudioSettings audio, RoutePlannerSettings ratelimit, List<String> warnings, YoutubePlugin youtube) {

    public static final ApplicationYml NONE = new ApplicationYml(null, null, null, null, AudioSettings.DEFAULTS,
            RoutePlannerSettings.NONE, List.of(), YoutubePlugin.OFF);

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String SOURCES = "lavalink.server.sources.";
    /** Lavalink settings with no counterpart here, and why, for the warning. */
    private static final Map<String, String> NOT_HERE = Map.of(
            "lavalink.server.bufferdurationms", "it sizes JDA-NAS's send buffer, which this node does not use",
            "lavalink.server.nonallocatingframebuffer", "this node keeps lavaplayer's default frame buffer",
            "lavalink.server.gcwarnings", "this node does not watch garbage collection pauses",
            "lavalink.server.youtubeplaylistloadlimit", "there is no built-in YouTube source",
            "lavalink.server.youtubesearchenabled", "there is no built-in YouTube source",
            "lavalink.server.soundcloudsearchenabled", "SoundCloud search is always on here",
            "plugins.youtube.clients", "youtube-source is made with its default clients; only plugins.youtube.enabled and "
                    + "allowSearch are read");

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException one line naming the file, the key and what is wrong
     */
    public static ApplicationYml read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Reads YAML text; {@code origin} names it in messages. */
    public static ApplicationYml parse(String text, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(origin + " is not valid YAML" + where(e) + ": " + problem(e), e);
        }
        Map<String, Leaf> leaves = new LinkedHashMap<>();
        if (root != null && !root.isNull() && !root.isMissingNode()) {
            if (!root.isObject()) {
                throw new IllegalArgumentException(origin + " must hold keys such as server.port, not a list or a value");
            }
            flatten("", root, leaves);
        }
        return new Reader(origin, leaves).read();
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    /** SnakeYAML's message without its excerpt of the file and caret lines, so that it fits one line. */
    private static String problem(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return message.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("in reader") && !line.equals("^"))
                .reduce((a, b) -> a + "; " + b).orElse(message);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Leaf> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(entry -> flatten(prefix.isEmpty() ? entry.getKey()
                    : prefix + "." + entry.getKey(), entry.getValue(), leaves));
        } else {
            leaves.put(normal(prefix), new Leaf(prefix, node));
        }
    }

    /** Spring's relaxed form: {@code frame-buffer-duration-ms} and {@code frameBufferDurationMs} are one key. */
    static String normal(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private record Leaf(String key, JsonNode value) {
    }

    /** Takes the keys it knows out of the file; what is left becomes warnings. */
    private static final class Reader {
        private final String origin;
        private final Map<String, Leaf> leaves;

        Reader(String origin, Map<String, Leaf> leaves) {
            this.origin = origin;
            this.leaves = leaves;
        }

        ApplicationYml read() {
            Integer port = integer("server.port", 0, 65_535);
            String address = text("server.address");
            String password = text("lavalink.server.password");
            Integer updates = integer("lavalink.server.playerUpdateInterval", 1, 86_400);
            List<String> warnings = new ArrayList<>();
            Set<String> disabledSources = new HashSet<>();
            // Every name, not only the built-in ones: the same key turns off a plugin's source.
            for (String key : List.copyOf(leaves.keySet())) {
                if (!key.startsWith(normal(SOURCES))) {
                    continue;
                }
                String source = key.substring(SOURCES.length());
                Boolean on = bool(SOURCES + source);
                if (Boolean.FALSE.equals(on)) {
                    disabledSources.add(source);
                } else if (Boolean.TRUE.equals(on) && source.equals("youtube")) {
                    warnings.add(origin + ": lavalink.server.sources.youtube is not used: lavaplayer's YouTube source "
                            + "is deprecated and broken; YouTube comes from youtube-source in the plugins folder, "
                            + "made by plugins.youtube.enabled, as on Lavalink 4");
                }
            }
            Boolean youtube = bool("plugins.youtube.enabled");
            Boolean allowSearch = bool("plugins.youtube.allowSearch");
            Set<String> disabledFilters = new HashSet<>();
            for (String filter : Filters.NAMES) {
                if (Boolean.FALSE.equals(bool("lavalink.server.filters." + filter))) {
                    disabledFilters.add(filter);
                }
            }
            AudioSettings audio = new AudioSettings(disabledSources, disabledFilters,
                    integer("lavalink.server.frameBufferDurationMs", 200, 600_000),
                    integer("lavalink.server.opusEncodingQuality", 0, 10),
                    resampling(),
                    longNumber("lavalink.server.trackStuckThresholdMs"),
                    bool("lavalink.server.useSeekGhosting"));
            RoutePlannerSettings ratelimit = ratelimit();
            for (Leaf leaf : leaves.values()) {
                if (leaf.value().isNull()) {
                    continue; // an empty section, such as Lavalink's "plugins:", sets nothing
                }
                String why = NOT_HERE.get(normal(leaf.key()));
                warnings.add(origin + ": " + leaf.key() + " does not apply here"
                        + (why == null ? "" : " (" + why + ")") + "; it is ignored");
            }
            return new ApplicationYml(port, address, password, updates == null ? null : Duration.ofSeconds(updates),
                    audio, ratelimit, List.copyOf(warnings), new YoutubePlugin(Boolean.TRUE.equals(youtube), allowSearch));
        }

        /** {@code lavalink.server.ratelimit}, with Lavalink's defaults for the keys left out. */
        private RoutePlannerSettings ratelimit() {
            String prefix = "lavalink.server.ratelimit.";
            RoutePlannerSettings none = RoutePlannerSettings.NONE;
            List<String> blocks = list(prefix + "ipBlocks");
            List<String> excluded = list(prefix + "excludedIps");
            String strategy = text(prefix + "strategy");
            Boolean search = bool(prefix + "searchTriggersFail");
            String retries = text(prefix + "retryLimit");
            return new RoutePlannerSettings(
                    blocks == null ? none.ipBlocks()
                            : RoutePlannerSettings.checkedBlocks(blocks, origin + ": " + prefix + "ipBlocks"),
                    excluded == null ? none.excludedIps()
                            : RoutePlannerSettings.checkedAddresses(excluded, origin + ": " + prefix + "excludedIps"),
                    strategy == null ? none.strategy() : Strategy.parse(strategy, origin + ": " + prefix + "strategy"),
                    search == null ? none.searchTriggersFail() : search,
                    retries == null ? none.retryLimit() : RoutePlannerSettings.retryLimit(retries,
                            origin + ": " + prefix + "retryLimit"));
        }

        /** A YAML list, or Spring's comma-separated text, or null when the key is not there. */
        private List<String> list(String key) {
            JsonNode value = take(key);
            if (value == null) {
                return null;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                    if (!item.isValueNode()) {
                        throw wrong(key, value, "a list of text values");
                    }
                    items.add(item.asString().strip());
                }
                return items;
            }
            if (!value.isValueNode()) {
                throw wrong(key, value, "a list");
            }
            return Arrays.stream(value.asString().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }

        private JsonNode take(String key) {
            Leaf leaf = leaves.remove(normal(key));
            return leaf == null || leaf.value().isNull() ? null : leaf.value();
        }

        private String text(String key) {
            JsonNode value = take(key);
            if (value == null) {
                return null;
            }
            if (!value.isValueNode()) {
                throw wrong(key, value, "a text value");
            }
            return value.asString();
        }

        private Integer integer(String key, int min, int max) {
            JsonNode value = take(key);
            if (value == null) {
                return null;
            }
            long number = whole(key, value, "a whole number from " + min + " to " + max);
            if (number < min || number > max) {
                throw wrong(key, value, "a whole number from " + min + " to " + max);
            }
            return (int) number;
        }

        private Long longNumber(String key) {
            JsonNode value = take(key);
            if (value == null) {
                return null;
            }
            long number = whole(key, value, "a whole number of milliseconds above 0");
            if (number <= 0) {
                throw wrong(key, value, "a whole number of milliseconds above 0");
            }
            return number;
        }

        private long whole(String key, JsonNode value, String wanted) {
            // Spring reads "2333" as 2333 too: quoted numbers are accepted.
            String text = value.isValueNode() ? value.asString().strip() : "";
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw wrong(key, value, wanted);
            }
        }

        private Boolean bool(String key) {
            JsonNode value = take(key);
            if (value == null) {
                return null;
            }
            String text = value.isValueNode() ? value.asString().strip().toLowerCase(Locale.ROOT) : "";
            return switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw wrong(key, value, "true or false");
            };
        }

        private ResamplingQuality resampling() {
            String key = "lavalink.server.resamplingQuality";
            JsonNode value = take(key);
            if (value == null) {
                return null;
            }
            try {
                return ResamplingQuality.valueOf(value.asString().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw wrong(key, value, "LOW, MEDIUM or HIGH");
            }
        }

        private IllegalArgumentException wrong(String key, JsonNode value, String wanted) {
            String shown = value.isValueNode() ? "'" + value.asString() + "'" : "a " + (value.isArray() ? "list" : "section");
            return new IllegalArgumentException(origin + ": " + key + " must be " + wanted + ", not " + shown);
        }
    }
}
