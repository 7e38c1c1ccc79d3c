package dev.roadie.settings;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads settings written as YAML (a program's settings file, or defaults kept as YAML) into raw
 * values keyed by dotted setting key. Refuses keys that name no setting, with the closest known
 * one when there is one, since a misspelt key silently leaving its default in place is the
 * hardest settings mistake to notice. Every message names the file.
 */
public final class YamlSettings {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            // Two values for one key in one file is a mistake, not "the last one wins".
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final SettingKeys keys;
    private final String origin;
    private final Map<String, RawValue> values = new LinkedHashMap<>();

    private YamlSettings(SettingKeys keys, String origin) {
        this.keys = keys;
        this.origin = origin;
    }

    /**
     * Reads a YAML file; its path is named in every message about it.
     *
     * @throws SettingsException when the file cannot be read, is not YAML or names an unknown setting
     */
    public static Map<String, RawValue> readFile(Path file, SettingKeys keys) {
        if (Files.isDirectory(file)) {
            throw new SettingsException("Config file " + file + " is a folder, not a file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SettingsException("Config file " + file + " does not exist").because(e);
        } catch (AccessDeniedException e) {
            throw new SettingsException("Cannot read config file " + file + ": permission denied").because(e);
        } catch (CharacterCodingException e) {
            throw new SettingsException("Cannot read config file " + file + ": it is not UTF-8 text").because(e);
        } catch (IOException e) {
            throw new SettingsException("Cannot read config file " + file + ": " + e.getMessage()).because(e);
        }
        return parse(text, file.toString(), keys);
    }

    /**
     * Reads YAML text.
     *
     * @param origin where the text came from, for messages: a file path or "the built-in defaults"
     * @throws SettingsException when the text is not YAML or names an unknown setting
     */
    public static Map<String, RawValue> parse(String text, String origin, SettingKeys keys) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new SettingsException(origin + " is not valid YAML" + position(e) + ": " + problem(e)).because(e);
        }
        YamlSettings reader = new YamlSettings(keys, origin);
        if (root == null || root.isMissingNode() || root.isNull()) {
            // An empty file, or one with only comments: nothing to change.
            return reader.values;
        }
        if (!root.isObject()) {
            throw new SettingsException(origin + " must be a mapping of settings (key: value), got "
                    + SettingsException.quote(root.toString()));
        }
        reader.walk(root, "");
        return reader.values;
    }

    private void walk(JsonNode mapping, String prefix) {
        for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (keys.isSection(key)) {
                section(key, value);
            } else {
                SettingKeys.Shape shape = keys.shape(key).orElseThrow(() -> unknown(key));
                switch (shape) {
                    case VALUE -> value(key, value);
                    case LIST -> list(key, value);
                    case MAPPING -> mapping(key, value);
                }
            }
        }
    }

    private void section(String key, JsonNode value) {
        if (value.isObject()) {
            walk(value, key + ".");
        } else if (!value.isNull()) {
            // A section with every key commented out is null, and fine; a scalar is not.
            String example = keys.firstKeyIn(key).orElse(key);
            throw SettingsException.invalid(key, origin, "expected a section of settings such as " + example,
                    value.isValueNode() ? value.asString() : value.toString());
        }
    }

    private void value(String key, JsonNode value) {
        if (value.isContainer()) {
            throw SettingsException.invalid(key, origin, "expected a single value", value.toString());
        }
        values.put(key, new RawValue(text(value), origin));
    }

    private void list(String key, JsonNode value) {
        if (value.isObject()) {
            throw SettingsException.invalid(key, origin, "expected a list like [a, b]", value.toString());
        }
        if (!value.isArray()) {
            values.put(key, new RawValue(text(value), origin));
            return;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (item.isContainer()) {
                throw SettingsException.invalid(key, origin, "expected a list of single values", value.toString());
            }
            items.add(text(item));
        }
        values.put(key, RawValue.list(items, origin));
    }

    private void mapping(String key, JsonNode value) {
        if (value.isNull()) {
            values.put(key, RawValue.mapping(Map.of(), origin));
            return;
        }
        if (!value.isObject()) {
            throw SettingsException.invalid(key, origin, "expected a mapping (name: value, one per line)",
                    value.isValueNode() ? value.asString() : value.toString());
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getValue().isContainer()) {
                throw SettingsException.invalid(key + "." + entry.getKey(), origin, "expected a single value",
                        entry.getValue().toString());
            }
            entries.put(entry.getKey(), text(entry.getValue()));
        }
        values.put(key, RawValue.mapping(entries, origin));
    }

    private static String text(JsonNode scalar) {
        return scalar.isNull() ? "" : scalar.asString();
    }

    private SettingsException unknown(String key) {
        String hint = keys.suggest(key, true)
                .map(known -> "; did you mean '" + known + "'?")
                .orElse("; the settings are listed in " + keys.listedIn());
        return new SettingsException("Unknown setting " + SettingsException.quoteKey(key) + " in " + origin + hint);
    }

    /**
     * Where the parser stopped. SnakeYAML names the problem's position in its message, which is
     * more precise than the token the parser was on; otherwise the parser's location is used.
     */
    private static String position(JacksonException e) {
        String line = null;
        String column = null;
        Matcher m = POSITION.matcher(String.valueOf(e.getOriginalMessage()));
        while (m.find()) {
            line = m.group(1);
            column = m.group(2);
        }
        if (line != null) {
            return " at line " + line + ", column " + column;
        }
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return "";
    }

    /**
     * The parser's complaint in one line. SnakeYAML's messages span several: what it was doing,
     * an indented snippet with a caret, then the problem; the last unindented line is the problem.
     */
    private static String problem(JacksonException e) {
        String problem = null;
        for (String line : String.valueOf(e.getOriginalMessage()).split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                problem = line.strip();
            }
        }
        return problem == null ? e.getClass().getSimpleName() : problem;
    }
}
