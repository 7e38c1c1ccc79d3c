package dev.roadie.hub.config;

import dev.roadie.settings.RawValue;
import dev.roadie.settings.SettingsException;
import dev.roadie.settings.YamlSettings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the hub's config from four layers, each overriding the one before: the built-in
 * defaults, a {@code roadie.yml} file, {@code ROADIE_*} environment variables and command-line
 * overrides. See {@code docs/CONFIGURATION.md} for the rules as users see them.
 */
public final class ConfigLoader {

    /** The environment variable naming the config file when none is given on the command line. */
    public static final String CONFIG_ENV = "ROADIE_CONFIG";

    /** The config file looked for in the working directory. */
    public static final String DEFAULT_FILE_NAME = "roadie.yml";

    private static final String COMMAND_LINE = "the command line";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private ConfigLoader() {
    }

    /**
     * Loads the config.
     *
     * @param file       an explicit config file, which must exist; or null to use the file named by
     *                   {@code ROADIE_CONFIG} in {@code env} (which must exist too), else
     *                   {@code roadie.yml} in {@code workingDir} if there is one. Relative paths
     *                   resolve against {@code workingDir}.
     * @param workingDir what relative paths (the config file, {@code data}) resolve against
     * @param env        the environment, usually {@code System.getenv()}
     * @param overrides  command-line settings by dotted key ({@code port}, {@code limits.maxFrameBytes})
     * @throws ConfigException with a one-line message for a person when anything is wrong
     */
    public static HubConfig load(Path file, Path workingDir, Map<String, String> env, Map<String, String> overrides)
            throws ConfigException {
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(overrides, "overrides");
        Path base = workingDir.toAbsolutePath();
        SettingSchema schema = SettingSchema.HUB;

        Map<String, RawValue> values = new LinkedHashMap<>(DefaultSettings.raw());
        Path configFile = configFile(file, base, env);
        if (configFile != null) {
            LOG.info("Reading settings from {}", configFile);
            values.putAll(readFile(configFile, schema));
        }
        values.putAll(EnvironmentSettings.read(env, schema));
        values.putAll(commandLine(overrides, schema));
        return ConfigBinder.bind(schema, values, base);
    }

    private static Map<String, RawValue> readFile(Path configFile, SettingSchema schema) {
        try {
            return YamlSettings.readFile(configFile, schema.keys());
        } catch (SettingsException e) {
            throw ConfigException.of(e);
        }
    }

    /** The config file to read, or null for none. */
    private static Path configFile(Path file, Path base, Map<String, String> env) {
        if (file != null) {
            return required(base.resolve(file).normalize(), "");
        }
        String named = env.get(CONFIG_ENV);
        if (named != null && !named.isBlank()) {
            try {
                return required(base.resolve(named.trim()).normalize(), " (named by " + CONFIG_ENV + ")");
            } catch (InvalidPathException e) {
                throw new ConfigException("Environment variable " + CONFIG_ENV + ": expected a file path, got "
                        + ConfigException.quote(named)).because(e);
            }
        }
        Path usual = base.resolve(DEFAULT_FILE_NAME);
        return Files.exists(usual) ? usual : null;
    }

    private static Path required(Path file, String why) {
        if (!Files.exists(file)) {
            throw new ConfigException("Config file " + file + why + " does not exist");
        }
        return file;
    }

    private static Map<String, RawValue> commandLine(Map<String, String> overrides, SettingSchema schema) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        // Sorted so that, of several unknown keys, the same one is reported every time.
        for (Map.Entry<String, String> entry : new TreeMap<>(overrides).entrySet()) {
            String key = entry.getKey().trim();
            if (schema.find(key).isEmpty()) {
                throw unknown(key, schema);
            }
            values.put(key, new RawValue(entry.getValue() == null ? "" : entry.getValue(), COMMAND_LINE));
        }
        return values;
    }

    private static ConfigException unknown(String key, SettingSchema schema) {
        if (schema.isSection(key)) {
            return new ConfigException("'" + key + "' on the command line is a section, not a setting; set one of its"
                    + " settings, such as " + schema.firstKeyIn(key).orElse(key));
        }
        String hint = schema.suggestKey(key, false)
                .map(known -> "; did you mean '" + known + "'?")
                .orElse("; the settings are listed in " + SettingSchema.DOCS);
        return new ConfigException("Unknown setting " + ConfigException.quoteKey(key) + " on the command line" + hint);
    }
}
