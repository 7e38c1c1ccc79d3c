package dev.roadie.model.wire;

/** A heartbeat. Either side sends one when it has been quiet; the other answers with a {@link Pong}. */
public record Ping(long ts) implements Frame {
}
