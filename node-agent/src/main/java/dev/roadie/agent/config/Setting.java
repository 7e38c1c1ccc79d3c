package dev.roadie.agent.config;

import dev.roadie.settings.EnvironmentVariables;

/**
 * One setting of the agent: its dotted key in the YAML file, its default (null when it has
 * none) and the environment variable that overrides it.
 */
public record Setting(String key, String defaultValue, String meaning) {

    /**
     * {@code ROADIE_AGENT_} and the key in upper case, dots and camel humps turned into
     * underscores: {@code retire.digitalocean.dropletId} → {@code ROADIE_AGENT_RETIRE_DIGITALOCEAN_DROPLET_ID}.
     */
    public String environmentVariable() {
        return EnvironmentVariables.name(Settings.ENV_PREFIX, key);
    }
}
