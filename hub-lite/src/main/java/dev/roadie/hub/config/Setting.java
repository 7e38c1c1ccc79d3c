package dev.roadie.hub.config;

import dev.roadie.settings.EnvironmentVariables;
import java.nio.file.Path;

/**
 * One leaf of {@link HubConfig}: its dotted key, its environment variable and how it is read.
 *
 * @param key     the dotted path of record component names, such as {@code limits.maxFrameBytes}
 * @param envName the environment variable, such as {@code ROADIE_LIMITS_MAX_FRAME_BYTES}
 * @param kind    how the value is written
 * @param type    the Java type of the record component
 */
record Setting(String key, String envName, SettingKind kind, Class<?> type) {

    /** The prefix of every environment variable the hub reads. */
    static final String ENV_PREFIX = "ROADIE_";

    /** The environment variable of a key: {@code ROADIE_} and the key in upper snake case. */
    static String envName(String key) {
        return EnvironmentVariables.name(ENV_PREFIX, key);
    }

    /** Reads a value of this setting; see {@link SettingKind#parse}. */
    Object parse(String text, Path workingDir) {
        return kind.parse(this, text, workingDir);
    }
}
