package dev.roadie.hub;

import dev.roadie.hub.config.HubConfig;
import java.net.BindException;

/** The hub could not start; the message is one line that says what to do. */
public final class HubStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HubStartException(String message, Throwable cause) {
        super(message, cause);
    }

    static HubStartException explain(HubConfig config, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                if (config.tls().certificateName().isPresent()) {
                    // Either of the two ports may be the busy one; Jetty does not say which.
                    return new HubStartException("Port " + config.port() + " or TLS port " + config.tls().port()
                            + " on " + config.host() + " is already in use. Stop the other process, or choose other"
                            + " ports (--port N, tls.port).", e);
                }
                return new HubStartException("Port " + config.port() + " on " + config.host() + " is already in use."
                        + " Stop the other process, or start with --port N (or ROADIE_PORT, or port in roadie.yml).", e);
            }
        }
        return new HubStartException("The hub could not start: " + e.getMessage(), e);
    }
}
