package dev.roadie.model.wire;

/**
 * Something the peer sent was refused. {@code re} names the refused frame's id when it had one.
 * The connection stays open unless the hub closes it right after.
 */
public record ErrorFrame(long seq, String id, String re, ErrorCode code, String message) implements Numbered {
    public ErrorFrame {
        Fields.require(code, "code");
    }

    /** An error about the frame with id {@code re} (may be null). */
    public static ErrorFrame of(String re, ErrorCode code, String message) {
        return new ErrorFrame(0, null, re, code, message);
    }

    @Override
    public ErrorFrame withSeq(long seq) {
        return new ErrorFrame(seq, id, re, code, message);
    }
}
