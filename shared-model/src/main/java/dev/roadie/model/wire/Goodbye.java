package dev.roadie.model.wire;

/**
 * The hub is shutting down or moving the client elsewhere: reconnect after
 * {@code reconnectMs} (jittered by the hub so that clients do not all come back at once).
 */
public record Goodbye(String reason, long reconnectMs) implements Frame {
}
