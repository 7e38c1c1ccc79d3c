package dev.roadie.settings;

import java.util.Optional;

/**
 * A settings file or value that cannot be used. The message is one line meant for a person: it
 * names the file or the setting, where the value came from and what is expected. Each program
 * turns it into its own exception at the edge of its loader.
 */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 80;

    private final String key;
    private final String expected;

    /** A problem that is not about one setting's value, such as an unreadable file. */
    public SettingsException(String message) {
        super(message);
        this.key = null;
        this.expected = null;
    }

    private SettingsException(String key, String source, String expected, String got) {
        super("Setting " + key + " from " + source + ": " + expected + ", got " + quote(got));
        this.key = key;
        this.expected = expected;
    }

    /**
     * A bad value for a setting.
     *
     * @param source   where it came from: a file, an environment variable, the command line
     * @param expected what the setting takes, starting with "expected"
     */
    public static SettingsException invalid(String key, String source, String expected, String got) {
        return new SettingsException(key, source, expected, got);
    }

    /** Keeps the underlying failure as the cause, for whoever debugs; the message stays one line. */
    public SettingsException because(Throwable cause) {
        initCause(cause);
        return this;
    }

    /** The setting (or section) this problem is about, if it is about one. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** What the setting takes, starting with "expected", when the problem is about one. */
    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    /**
     * Quotes a key the user wrote for a one-line message, control characters shown as '?': a key
     * that names no setting may hold anything (a carriage return from a CRLF script, say).
     */
    public static String quoteKey(String key) {
        return "'" + key.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    /** Quotes a value for a one-line message: short, control characters shown as '?'. */
    public static String quote(String value) {
        if (value == null || value.isEmpty()) {
            return "nothing";
        }
        String shown = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "..." : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
