package dev.roadie.client.internal;

import dev.roadie.client.ConnectionState;
import dev.roadie.client.DisconnectReason;
import dev.roadie.client.RoadieException;
import java.time.Duration;

/** The connection state, readable from any thread, and a way to wait for CONNECTED. */
final class StateHolder {
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile DisconnectReason ending;
    private volatile String problem;

    ConnectionState get() {
        return state;
    }

    boolean isTerminal() {
        ConnectionState now = state;
        return now == ConnectionState.FAILED || now == ConnectionState.CLOSED;
    }

    /** Sets the state (and, for FAILED and CLOSED, why); returns the one before. */
    synchronized ConnectionState set(ConnectionState next, DisconnectReason why) {
        ConnectionState before = state;
        if (before == ConnectionState.CLOSED || (before == ConnectionState.FAILED && next != ConnectionState.CLOSED)) {
            return before;
        }
        state = next;
        if (why != null) {
            ending = why;
        }
        notifyAll();
        return before;
    }

    /** Why the client failed or was closed, or null. */
    DisconnectReason ending() {
        return ending;
    }

    /** Remembers the last reason a link failed, for {@link #awaitConnected(Duration)}'s message. */
    void problem(String message) {
        this.problem = message;
    }

    /** Waits until CONNECTED; throws with the last known reason otherwise. */
    synchronized void awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state != ConnectionState.CONNECTED) {
            if (isTerminal()) {
                throw new RoadieException("the client is " + state.name().toLowerCase(java.util.Locale.ROOT)
                        + (ending == null ? "" : ": " + ending.message()));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new RoadieException("not connected to the hub within " + timeout.toMillis() + " ms"
                        + (problem == null ? "" : "; last problem: " + problem));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
