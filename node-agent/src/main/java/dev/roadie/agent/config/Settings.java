package dev.roadie.agent.config;

import dev.roadie.settings.EnvironmentVariables;
import dev.roadie.settings.SettingKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting of the agent with its default, in one place (docs/NODE-AGENT.md lists the same
 * table). Defaults of the health thresholds follow Lavalink's documentation: 3000 frames a
 * minute per playing player, loads between 0 and 1.
 */
public final class Settings {
    /** Where every setting is listed, for messages. */
    static final String DOCS = "docs/NODE-AGENT.md";
    /** The start of every environment variable the agent reads. */
    static final String ENV_PREFIX = "ROADIE_AGENT_";
    /** Keys whose value is a list: a YAML list, or one value split on commas (retire.command: on spaces). */
    static final List<String> LISTS = List.of("hub.uris", "retire.command", "retire.digitalocean.replace.tags");
    /** The key holding free labels, a map in YAML and {@code k=v,k2=v2} in the environment. */
    static final String LABELS = "labels";

    public static final List<Setting> ALL = List.of(
            new Setting("node.name", null, "The node's name in the registry (audio-node/NAME). Required."),
            new Setting("node.url", "http://lavalink:2333", "Where the agent reads Lavalink (its internal address)."),
            new Setting("node.password", null, "Lavalink's password (lavalink.server.password). Required."),
            new Setting("node.timeout", "5s", "How long one call to Lavalink may take."),
            new Setting("node.downAfter", "60s",
                    "Node unreachable this long: the agent leaves the hub, so the registry marks it down."),
            new Setting("node.websocket", "true",
                    "Whether the agent also reads Lavalink's /v4/websocket (ready and stats ops); false: REST only."),
            new Setting("node.userId", "0",
                    "The User-Id header of that websocket: a bot user id; Lavalink requires one, any number works."),
            new Setting("public.host", null, "The host name or address the bots use to reach Lavalink. Required."),
            new Setting("public.port", "2333", "The port the bots use."),
            new Setting("public.tls", "false", "Whether the bots connect with TLS (https/wss)."),
            new Setting("region", "", "The node's region label (eu, us-east, ...); empty for none."),
            new Setting(LABELS, "", "Free labels announced with the node."),
            new Setting("hub.uris", null, "The hub's socket URIs (wss://hub.example.org/ws), tried in order. Required."),
            new Setting("hub.token", null, "The agent's token; needs scope announce:audio-node. Required."),
            new Setting("poll.interval", "5s", "How often the agent reads /v4/stats and /v4/routeplanner/status."),
            new Setting("health.readings", "3", "Readings in a row that must agree before the health changes."),
            new Setting("health.load.warning", "0.80", "System CPU load (0-1) that makes the node warning."),
            new Setting("health.load.critical", "0.95", "System CPU load (0-1) that makes the node critical."),
            new Setting("health.frames.warning", "0.05",
                    "Frame deficit as a share of the expected frames (3000 a minute per playing player): warning."),
            new Setting("health.frames.critical", "0.20", "The same share that makes the node critical."),
            new Setting("health.addresses.warning", "0.50",
                    "Failing addresses as a share of the route planner's IP block size: warning."),
            new Setting("health.addresses.critical", "0.90", "The same share that makes the block exhausted."),
            new Setting("health.failures.window", "1m", "The window in which new failing addresses are counted."),
            new Setting("health.failures.warning", "5", "New failing addresses in the window that make the node warning."),
            new Setting("health.failures.critical", "20", "New failing addresses in the window that exhaust the block."),
            new Setting("health.blockJumps.window", "10m", "The window in which block index changes are counted."),
            new Setting("health.blockJumps.warning", "1", "Block index changes in the window: warning."),
            new Setting("health.blockJumps.critical", "3", "Block index changes in the window: the block is exhausted."),
            new Setting("retire.enabled", "true", "Whether an exhausted block drains and retires the node."),
            new Setting("retire.drainDeadline", "10m", "How long to wait for the players to reach zero before retiring."),
            new Setting("retire.command", "", "A program and its arguments, run without a shell after retiring."),
            new Setting("retire.commandTimeout", "5m", "How long the retire command may run before it is killed."),
            new Setting("retire.digitalocean.enabled", "false", "Whether to delete the droplet after retiring."),
            new Setting("retire.digitalocean.apiBase", "https://api.digitalocean.com", "DigitalOcean's API base URL."),
            new Setting("retire.digitalocean.token", null, "DigitalOcean API token (Bearer). Required when enabled."),
            new Setting("retire.digitalocean.dropletId", null, "The id of this node's droplet. Required when enabled."),
            new Setting("retire.digitalocean.replace.snapshot", "",
                    "A snapshot id or image slug: when set, a replacement droplet is created from it first."),
            new Setting("retire.digitalocean.replace.name", "", "The replacement's name; default: this node's name."),
            new Setting("retire.digitalocean.replace.region", "", "The replacement's region slug (ams3, ...)."),
            new Setting("retire.digitalocean.replace.size", "s-1vcpu-1gb", "The replacement's size slug."),
            new Setting("retire.digitalocean.replace.tags", "", "Tags of the replacement droplet."));

    /** The keys and how each is written in the file, for the YAML reader. */
    static final SettingKeys KEYS = SettingKeys.of(shapes(), DOCS);
    /** The {@code ROADIE_AGENT_*} variables of the settings. */
    static final EnvironmentVariables ENVIRONMENT = new EnvironmentVariables(ENV_PREFIX,
            ALL.stream().map(Setting::key).toList());

    private static final Map<String, Setting> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));

    private Settings() {
    }

    private static Map<String, SettingKeys.Shape> shapes() {
        Map<String, SettingKeys.Shape> shapes = new LinkedHashMap<>();
        for (Setting setting : ALL) {
            String key = setting.key();
            shapes.put(key, key.equals(LABELS) ? SettingKeys.Shape.MAPPING
                    : LISTS.contains(key) ? SettingKeys.Shape.LIST : SettingKeys.Shape.VALUE);
        }
        return shapes;
    }

    /** The setting with this key, if there is one. */
    public static Optional<Setting> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
