package dev.roadie.hub.session;

import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Numbered;

/**
 * A numbered frame encoded once, so that a message fanned out to many sessions is not encoded
 * again for each: every session only splices its own sequence number in.
 */
public final class PreparedFrame {
    private final String head;
    private final String tail;

    private PreparedFrame(String head, String tail) {
        this.head = head;
        this.tail = tail;
    }

    /** Encodes {@code frame} without its sequence number. */
    public static PreparedFrame of(Numbered frame) {
        String text = FrameCodec.DEFAULT.encode(frame.seq() == 0 ? frame : frame.withSeq(0));
        // The codec writes "type" first and type names hold no comma, so the first comma ends it.
        int comma = text.indexOf(',');
        if (comma < 0) {
            int end = text.lastIndexOf('}');
            return new PreparedFrame(text.substring(0, end) + ",", "}");
        }
        return new PreparedFrame(text.substring(0, comma + 1), text.substring(comma + 1));
    }

    /** The frame's text with {@code seq} set. */
    public String withSeq(long seq) {
        if (tail.equals("}")) {
            return head + "\"seq\":" + seq + tail;
        }
        return head + "\"seq\":" + seq + "," + tail;
    }

    /** An estimate of the encoded size, for accounting. */
    public int length() {
        return head.length() + tail.length() + 24;
    }
}
