package dev.roadie.agent.config;

/** A setting of the agent is missing or wrong; the message is one line that says which and what to write. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
