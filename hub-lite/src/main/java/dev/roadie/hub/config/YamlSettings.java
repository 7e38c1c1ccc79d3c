package dev.roadie.hub.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads settings written as YAML ({@code roadie.yml}, and the built-in defaults) into raw
 * values keyed by dotted setting key. Refuses keys that name no setting, since a misspelt key
 * silently leaving its default in place is the hardest config mistake to notice.
 */
final class YamlSettings {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            // Two values for one key in one file is a mistake, not "the last one wins".
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final SettingSchema schema;
    private final String origin;
    private final Map<String, RawValue> values = new LinkedHashMap<>();

    private YamlSettings(SettingSchema schema, String origin) {
        this.schema = schema;
        this.origin = origin;
    }

    /** Reads a YAML file; its path is named in every message about it. */
    static Map<String, RawValue> readFile(Path file, SettingSchema schema) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("Config file " + file + " is a folder, not a file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file " + file + " does not exist").because(e);
        } catch (AccessDeniedException e) {
            throw new ConfigException("Cannot read config file " + file + ": permission denied").because(e);
        } catch (CharacterCodingException e) {
            throw new ConfigException("Cannot read config file " + file + ": it is not UTF-8 text").because(e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage()).because(e);
        }
        return parse(text, file.toString(), schema);
    }

    /**
     * Reads YAML text.
     *
     * @param origin where the text came from, for messages: a file path or "the built-in defaults"
     */
    static Map<String, RawValue> parse(String text, String origin, SettingSchema schema) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException(origin + " is not valid YAML" + position(e) + ": " + problem(e)).because(e);
        }
        YamlSettings reader = new YamlSettings(schema, origin);
        if (root == null || root.isMissingNode() || root.isNull()) {
            // An empty file, or one with only comments: nothing to change.
            return reader.values;
        }
        if (!root.isObject()) {
            throw new ConfigException(origin + " must be a mapping of settings (key: value), got "
                    + ConfigException.quote(root.toString()));
        }
        reader.walk(root, "");
        return reader.values;
    }

    private void walk(JsonNode mapping, String prefix) {
        for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (schema.isSection(key)) {
                section(key, value);
            } else if (schema.find(key).isPresent()) {
                setting(key, value);
            } else {
                throw unknown(key);
            }
        }
    }

    private void section(String key, JsonNode value) {
        if (value.isObject()) {
            walk(value, key + ".");
        } else if (!value.isNull()) {
            // A section with every key commented out is null, and fine; a scalar is not.
            String example = schema.firstKeyIn(key).orElse(key);
            throw ConfigException.invalid(key, origin, "expected a section of settings such as " + example,
                    value.isValueNode() ? value.asString() : value.toString());
        }
    }

    private void setting(String key, JsonNode value) {
        if (value.isContainer()) {
            throw ConfigException.invalid(key, origin, "expected a single value", value.toString());
        }
        values.put(key, new RawValue(value.isNull() ? "" : value.asString(), origin));
    }

    private ConfigException unknown(String key) {
        String hint = schema.suggestKey(key, true)
                .map(known -> "; did you mean '" + known + "'?")
                .orElse("; the settings are listed in docs/CONFIGURATION.md");
        return new ConfigException("Unknown setting " + ConfigException.quoteKey(key) + " in " + origin + hint);
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
