package dev.roadie.hub.search;

import dev.roadie.model.wire.ErrorCode;

/**
 * A search or resolution the hub will not or cannot answer, with the error code both the REST
 * API and the socket give and the HTTP status the REST API gives.
 */
public final class SearchRefusedException extends RuntimeException {
    private final int status;
    private final ErrorCode code;

    public SearchRefusedException(int status, ErrorCode code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status of the REST answer: 400 the caller's input, 403 address rules, 404 nothing, 502 upstream. */
    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }
}
