package dev.roadie.client;

import java.util.Objects;

/**
 * A request ended in an error. Thrown by a {@link RequestHandler}, it becomes an {@code error}
 * reply with this code and message; thrown by {@link Reply#orThrow()}, it carries the code and
 * message of a reply that was not ok.
 */
public class RequestFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    a stable code for programs, such as {@code queue-full}
     * @param message what went wrong, for people
     */
    public RequestFailedException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The error code. */
    public String code() {
        return code;
    }
}
