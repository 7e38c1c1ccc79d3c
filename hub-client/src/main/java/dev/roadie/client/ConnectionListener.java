package dev.roadie.client;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Hears what happens to a client's link to the hub. Every method has an empty default, so
 * implement only what you need. Methods run on the client's event thread, in order, together
 * with message and request handlers: do not block in them.
 */
public interface ConnectionListener {

    /** A socket is being opened to {@code address}, one of the addresses {@code hub}'s host resolved to. */
    default void connecting(URI hub, InetAddress address) {
    }

    /** The hub welcomed the client into a new session (subscriptions and services are being restored). */
    default void connected(SessionInfo session) {
    }

    /** The hub welcomed the client back into its previous session: nothing was lost. */
    default void resumed(SessionInfo session) {
    }

    /** The link ended; the client reconnects unless the state became FAILED or CLOSED. */
    default void disconnected(DisconnectReason reason) {
    }

    /**
     * An attempt to connect failed: no address of any hub URI welcomed the client. {@code reason}
     * ({@link DisconnectCause#CONNECT_FAILED}) says what the last address answered, such as
     * {@code connection refused}, {@code unknown host} or a TLS failure. The client tries again
     * after {@link #reconnecting}, unless {@link ClientOptions#maxFailedAttempts()} is reached.
     */
    default void attemptFailed(DisconnectReason reason) {
    }

    /** The client will try to connect again after {@code delay}. */
    default void reconnecting(Duration delay) {
    }

    /**
     * The hub restarted since the client last saw it: it forgot sessions and pending requests.
     * The client subscribes and announces again by itself.
     */
    default void hubRestarted(String oldEpoch, String newEpoch) {
    }

    /** The connection state changed. */
    default void stateChanged(ConnectionState from, ConnectionState to) {
    }
}
