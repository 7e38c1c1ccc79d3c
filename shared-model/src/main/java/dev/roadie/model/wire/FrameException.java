package dev.roadie.model.wire;

/**
 * A frame could not be read. Carries the error code to send back and, when the frame had one,
 * its id, so that the error frame can name what it refuses.
 */
public final class FrameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String frameId;

    public FrameException(ErrorCode code, String frameId, String message) {
        super(message);
        this.code = code;
        this.frameId = frameId;
    }

    /** The code to send back. */
    public ErrorCode code() {
        return code;
    }

    /** The id of the refused frame, or null when it had none or was not readable. */
    public String frameId() {
        return frameId;
    }

    /** The error frame that tells the sender. */
    public ErrorFrame toErrorFrame() {
        return ErrorFrame.of(frameId, code, getMessage());
    }
}
