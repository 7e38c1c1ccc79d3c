package dev.roadie.hub.api;

import dev.roadie.hub.http.ApiError;
import dev.roadie.model.wire.ErrorCode;

/** A REST call refused: the HTTP status and the same stable error code the socket uses. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ErrorCode code;

    public ApiException(int status, ErrorCode code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    /** The JSON body: {@code {"code": "...", "message": "..."}}. */
    public ApiError body() {
        return new ApiError(code.wire(), getMessage());
    }
}
