package dev.roadie.hub.messaging;

import dev.roadie.model.wire.ErrorCode;

/**
 * A message, request or gather was refused, and nothing of it was sent or stored. The code is
 * the stable one clients branch on; the message says what to change. The socket answers it as
 * an error frame, REST as its error body with the matching status.
 */
public final class MessageRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    MessageRefusedException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
