package dev.roadie.hub.config;

import dev.roadie.settings.SettingsException;
import java.util.Optional;

/**
 * A setting or config file the hub cannot use. The message is one line meant for a person
 * (the CLI prints it alone, without a stack trace): it names the setting, where the value came
 * from and what is expected.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String expected;

    /** A problem that is not about one setting's value, such as an unreadable file. */
    public ConfigException(String message) {
        super(message);
        this.setting = null;
        this.expected = null;
    }

    private ConfigException(String setting, String source, String expected, String got) {
        super("Setting " + setting + (source == null ? "" : " from " + source) + ": " + expected + ", got " + quote(got));
        this.setting = setting;
        this.expected = expected;
    }

    private ConfigException(SettingsException problem) {
        super(problem.getMessage(), problem);
        this.setting = problem.key().orElse(null);
        this.expected = problem.expected().orElse(null);
    }

    /** The hub's telling of a problem the settings library found, such as a file that is not YAML. */
    static ConfigException of(SettingsException problem) {
        return new ConfigException(problem);
    }

    /**
     * A bad value for a setting whose source is not known yet (records validate themselves and
     * do not know where their values came from); {@link #from} adds it.
     *
     * @param expected what the setting takes, starting with "expected"
     */
    static ConfigException invalid(String setting, String expected, String got) {
        return new ConfigException(setting, null, expected, got);
    }

    /** A bad value for a setting, read from {@code source} (a file, an environment variable, the command line). */
    static ConfigException invalid(String setting, String source, String expected, String got) {
        return new ConfigException(setting, source, expected, got);
    }

    /**
     * The same problem, told with the value as the user wrote it and where it came from. Only
     * meaningful for problems about one setting; others are returned unchanged.
     */
    ConfigException from(String source, String rawValue) {
        if (setting == null) {
            return this;
        }
        // A mistyped secret must not end up in a log line either.
        ConfigException told = new ConfigException(setting, source, expected,
                SECRETS.contains(setting) ? "(hidden)" : rawValue);
        told.initCause(this);
        return told;
    }

    /**
     * The same problem with its setting qualified by a section, for records used in several
     * sections (each of {@code search.deezer}, {@code search.itunes}, ...) that can only name
     * their own component ({@code baseUrl}). Keys that already hold a dot are left as they are.
     */
    ConfigException within(String prefix) {
        if (setting == null || prefix.isEmpty() || setting.contains(".")) {
            return this;
        }
        // The value and its source are added by {@link #from}, as for every problem a record reports.
        ConfigException qualified = new ConfigException(prefix + setting, null, expected, null);
        qualified.initCause(this);
        return qualified;
    }

    /** Keeps the underlying failure as the cause, for whoever debugs; the message stays one line. */
    ConfigException because(Throwable cause) {
        initCause(cause);
        return this;
    }

    /** The setting this problem is about (a dotted key such as {@code limits.maxFrameBytes}), if it is about one. */
    public Optional<String> setting() {
        return Optional.ofNullable(setting);
    }

    /**
     * Settings whose values are secrets, or may hold one (a Redis URI's password): a complaint
     * about them never repeats the value.
     */
    static final java.util.Set<String> SECRETS = java.util.Set.of("certs.eabHmacKey", "certs.digitalocean.token",
            "certs.masterKey", "cluster.redis");

    /**
     * Quotes a key the user wrote for a one-line message, control characters shown as '?': a key
     * that names no setting may hold anything (a carriage return from a CRLF script, say).
     */
    static String quoteKey(String key) {
        return SettingsException.quoteKey(key);
    }

    /** Quotes a value for a one-line message: short, control characters shown as '?'. */
    static String quote(String value) {
        return SettingsException.quote(value);
    }
}
