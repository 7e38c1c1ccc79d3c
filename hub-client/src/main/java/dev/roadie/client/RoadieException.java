package dev.roadie.client;

import dev.roadie.model.wire.ErrorCode;

/**
 * Something the client asked for could not be done: the hub refused a frame (then
 * {@link #code()} says why), the outbox is full, or the client is closed.
 */
public class RoadieException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    /** A failure the hub reported with {@code code}. */
    public RoadieException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** A failure of the client itself, with no hub error code. */
    public RoadieException(String message) {
        this(null, message);
    }

    /** A failure of the client itself, caused by {@code cause}. */
    public RoadieException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
    }

    /** The hub's error code, or null when the failure is the client's own. */
    public ErrorCode code() {
        return code;
    }

    @Override
    public String getMessage() {
        return code == null ? super.getMessage() : code.wire() + ": " + super.getMessage();
    }
}
