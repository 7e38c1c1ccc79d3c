package dev.roadie.model.wire;

/**
 * A frame that carries a per-session sequence number and is acknowledged by the peer with an
 * {@link Ack}. Each side numbers what it sends 1, 2, 3, ...; {@code seq} 0 means unnumbered
 * (a client may choose not to number, and then gets no acknowledgement and no replay).
 * Control frames (hello, welcome, ping, pong, ack, goodbye) are never numbered.
 */
public sealed interface Numbered extends Frame
        permits Message, Request, Reply, Gather, GatherResult, Subscribe, Unsubscribe, Announce, Stats, StateChange,
        ErrorFrame {

    /** This frame's sequence number in its sender's stream, or 0 when unnumbered. */
    long seq();

    /** The same frame with another sequence number: the hub stamps its own when it delivers. */
    Numbered withSeq(long seq);

    /** The sender's id of this frame (for replies, errors and duplicate detection), or null. */
    String id();
}
