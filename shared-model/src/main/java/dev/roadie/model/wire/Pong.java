package dev.roadie.model.wire;

/**
 * The answer to a {@link Ping}, echoing its {@code ts}. A pong from the hub carries the hub's
 * epoch, so a client notices a restarted hub even on a link that looks fine.
 */
public record Pong(long ts, String epoch) implements Frame {
}
