package dev.roadie.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the agent's settings: the defaults, then the YAML file, then {@code ROADIE_AGENT_*}
 * environment variables (so that a Docker compose file can set everything). Unknown keys and
 * unknown {@code ROADIE_AGENT_*} variables are refused: a misspelt key silently keeping its
 * default is the hardest mistake to notice.
 */
public final class ConfigLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    /**
     * Loads and checks the settings.
     *
     * @param file        the YAML file, or null for none
     * @param environment the process environment (only {@code ROADIE_AGENT_*} variables are read)
     * @throws ConfigException with a one-line message naming the bad setting
     */
    public static AgentConfig load(Path file, Map<String, String> environment) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (file != null) {
            readYaml(file, values);
        }
        readEnvironment(environment, values);
        return AgentConfig.bind(new RawSettings(values));
    }

    private static void readYaml(Path file, Map<String, Object> values) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new ConfigException(file + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new ConfigException(file + " must be a mapping of settings (key: value)");
        }
        flatten("", root, file, values);
    }

    private static void flatten(String prefix, JsonNode node, Path file, Map<String, Object> values) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (key.equals(Settings.LABELS)) {
                values.put(key, labels(value, file));
            } else if (Settings.LISTS.contains(key)) {
                values.put(key, list(key, value, file));
            } else if (value.isObject()) {
                flatten(key + ".", value, file, values);
            } else {
                known(key, file + ": unknown setting '" + key + "'");
                if (value.isContainer()) {
                    throw new ConfigException(file + ": '" + key + "' takes one value, not a list");
                }
                values.put(key, value.isNull() ? null : value.asString());
            }
        }
    }

    private static Map<String, String> labels(JsonNode value, Path file) {
        if (value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new ConfigException(file + ": 'labels' is a mapping (team: music), got " + value);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        value.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        return labels;
    }

    private static List<String> list(String key, JsonNode value, Path file) {
        if (value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return items;
        }
        if (value.isValueNode()) {
            return splitList(value.asString());
        }
        throw new ConfigException(file + ": '" + key + "' is a list, got " + value);
    }

    private static void readEnvironment(Map<String, String> environment, Map<String, Object> values) {
        Map<String, Setting> byVariable = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> byVariable.put(s.environmentVariable(), s));
        environment.forEach((name, value) -> {
            if (!name.startsWith("ROADIE_AGENT_")) {
                return;
            }
            Setting setting = byVariable.get(name);
            if (setting == null) {
                throw new ConfigException("Unknown environment variable " + name
                        + ": docs/NODE-AGENT.md lists the ROADIE_AGENT_* variables");
            }
            String key = setting.key();
            if (key.equals(Settings.LABELS)) {
                values.put(key, parseLabels(name, value));
            } else if (Settings.LISTS.contains(key)) {
                values.put(key, key.equals("retire.command") ? splitCommand(value) : splitList(value));
            } else {
                values.put(key, value);
            }
        });
    }

    private static Map<String, String> parseLabels(String variable, String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : splitList(text)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException(variable + ": labels are written key=value,key2=value2, got '" + pair + "'");
            }
            labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return labels;
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A command in an environment variable is split on spaces: there is no shell to quote for. */
    private static List<String> splitCommand(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static void known(String key, String message) {
        if (Settings.find(key).isEmpty()) {
            throw new ConfigException(message + ": docs/NODE-AGENT.md lists every setting");
        }
    }
}
