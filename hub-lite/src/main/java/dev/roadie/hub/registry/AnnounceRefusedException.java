package dev.roadie.hub.registry;

import dev.roadie.model.wire.ErrorCode;

/**
 * The registry refuses an announce: the service belongs to another identity, the descriptor is
 * over a limit, or the owner has too many services. The message says what to do instead; the
 * code is what the client sees in its error frame.
 */
public final class AnnounceRefusedException extends RuntimeException {
    private final ErrorCode code;

    public AnnounceRefusedException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** The error code to answer the announce with. */
    public ErrorCode code() {
        return code;
    }
}
