package dev.roadie.model.wire;

/**
 * Acknowledges every numbered frame up to and including {@code seq} of the peer's stream.
 * From the hub it means: processed (routed, stored or refused with an error sent before it).
 */
public record Ack(long seq) implements Frame {
    public Ack {
        Fields.requireNotNegative(seq, "seq");
    }
}
