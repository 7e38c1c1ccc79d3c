package dev.roadie.hub.config;

import dev.roadie.settings.RawValue;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code ROADIE_*} environment variables into raw values. A {@code ROADIE_} variable
 * that names no setting is logged and ignored rather than refused, because launchers and
 * containers set their own (ROADIE_HOME and the like) in the same namespace.
 */
final class EnvironmentSettings {

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentSettings.class);

    private EnvironmentSettings() {
    }

    /**
     * ROADIE_ variables that are not settings but are read elsewhere: no warning for them. The
     * launcher reads the Java ones, the client commands ROADIE_HUB and ROADIE_TOKEN, which the
     * CLI guide tells users to export; the token commands read the configuration too.
     */
    static final java.util.Set<String> LAUNCHER_VARIABLES = java.util.Set.of(ConfigLoader.CONFIG_ENV,
            "ROADIE_LOG_LEVEL", "ROADIE_JAVA_OPTS", "ROADIE_JAVA_HOME", "ROADIE_HUB", "ROADIE_TOKEN");

    /**
     * The settings found in {@code env}. Empty variables count as unset, which is what
     * {@code ROADIE_PORT=} in a compose file or a shell script usually means.
     */
    static Map<String, RawValue> read(Map<String, String> env, SettingSchema schema) {
        for (String name : schema.environment().unknown(env, LAUNCHER_VARIABLES)) {
            String hint = schema.suggestEnvName(name).map(known -> " (did you mean " + known + "?)").orElse("");
            LOG.warn("Ignoring environment variable {}: it names no hub setting{}", name, hint);
        }
        return schema.environment().read(env);
    }
}
