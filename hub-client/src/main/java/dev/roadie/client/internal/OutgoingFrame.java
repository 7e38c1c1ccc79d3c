package dev.roadie.client.internal;

import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameTypes;
import dev.roadie.model.wire.Numbered;

/**
 * A numbered frame the client sends, kept until the hub acknowledges it. Its number changes
 * when a new session starts (both sides number from 1 again); its id never does, so receivers
 * can drop the duplicate of a frame sent twice. Timer thread, except for construction.
 */
final class OutgoingFrame {
    /** Room for {@code "seq":N,} when the size of a frame is estimated before it has a number. */
    private static final int SEQ_ROOM = 28;

    final Numbered template;
    final Outcome outcome;
    /** The size reserved in the outbox: characters of JSON, as the hub counts them. */
    final int size;
    /** Whether the frame counts against the outbox limits (frames the application sent) or is the client's own. */
    final boolean counted;

    long seq;
    String text;
    boolean written;
    boolean done;

    private OutgoingFrame(Numbered template, Outcome outcome, int size, boolean counted) {
        this.template = template;
        this.outcome = outcome;
        this.size = size;
        this.counted = counted;
    }

    /** A frame of the application's; measured now, in the caller's thread, so that limits fail fast. */
    static OutgoingFrame counted(Numbered template, Outcome outcome) {
        return new OutgoingFrame(template, outcome, FrameCodec.DEFAULT.encode(template).length() + SEQ_ROOM, true);
    }

    /** A frame of the client's own (replies, restoring subscriptions): never refused for lack of room. */
    static OutgoingFrame internal(Numbered template, Outcome outcome) {
        return new OutgoingFrame(template, outcome, 0, false);
    }

    String id() {
        return template.id();
    }

    /** Gives the frame its number in the current session; it must be written again. */
    void number(long seq) {
        this.seq = seq;
        this.text = FrameCodec.DEFAULT.encode(template.withSeq(seq));
        this.written = false;
    }

    @Override
    public String toString() {
        return FrameTypes.nameOf(template) + "[seq=" + seq + ", id=" + id() + "]";
    }
}
