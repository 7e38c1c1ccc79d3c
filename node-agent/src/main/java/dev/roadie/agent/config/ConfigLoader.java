package dev.roadie.agent.config;

import dev.roadie.settings.RawValue;
import dev.roadie.settings.SettingsException;
import dev.roadie.settings.YamlSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the agent's settings: the defaults, then the YAML file, then {@code ROADIE_AGENT_*}
 * environment variables (so that a Docker compose file can set everything), with the hub's
 * settings library, so that both are written the same way. Unknown keys and unknown
 * {@code ROADIE_AGENT_*} variables are refused, with the closest known one: a misspelt key
 * silently keeping its default is the hardest mistake to notice.
 */
public final class ConfigLoader {

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
        Map<String, RawValue> values = new LinkedHashMap<>();
        if (file != null) {
            try {
                values.putAll(YamlSettings.readFile(file, Settings.KEYS));
            } catch (SettingsException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }
        values.putAll(environment(environment));
        return AgentConfig.bind(new RawSettings(values));
    }

    private static Map<String, RawValue> environment(Map<String, String> environment) {
        List<String> unknown = Settings.ENVIRONMENT.unknown(environment, Set.of());
        if (!unknown.isEmpty()) {
            String name = unknown.getFirst();
            String hint = Settings.ENVIRONMENT.suggest(name).map(known -> "; did you mean " + known + "?")
                    .orElse(": " + Settings.DOCS + " lists the ROADIE_AGENT_* variables");
            throw new ConfigException("Unknown environment variable " + name + hint);
        }
        return Settings.ENVIRONMENT.read(environment);
    }
}
