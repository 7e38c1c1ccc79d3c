package dev.roadie.cli.client;

import dev.roadie.client.ConnectionListener;
import dev.roadie.client.ConnectionState;
import dev.roadie.client.DisconnectCause;
import dev.roadie.client.DisconnectReason;
import dev.roadie.client.SessionInfo;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Connection events of a command-line client as short lines on stderr; {@code ended} hears when
 * the client stops for good: the hub refused it (bad token, replaced), or it gave up reaching
 * the hub ({@code --no-retry}). The command reports that ending, so it is not printed here.
 */
final class StderrConnectionListener implements ConnectionListener {
    private final PrintWriter err;
    private final Consumer<DisconnectReason> ended;
    private final boolean retrying;
    /** Set on the listener thread before the disconnect that ends the client is reported. */
    private volatile boolean failed;

    /**
     * @param retrying whether the client tries again after a failed attempt: then each failure
     *                 is reported at once; otherwise the command reports the one failure
     */
    StderrConnectionListener(PrintWriter err, Consumer<DisconnectReason> ended, boolean retrying) {
        this.err = err;
        this.ended = ended;
        this.retrying = retrying;
    }

    @Override
    public void connecting(URI hub, InetAddress address) {
        err.println("roadie: connecting to " + hub + " (" + address.getHostAddress() + ")");
    }

    @Override
    public void connected(SessionInfo session) {
        err.println("roadie: connected as " + session.identity() + " (session " + session.session() + ")");
    }

    @Override
    public void resumed(SessionInfo session) {
        err.println("roadie: resumed session " + session.session());
    }

    @Override
    public void stateChanged(ConnectionState from, ConnectionState to) {
        if (to == ConnectionState.FAILED) {
            failed = true;
        }
    }

    @Override
    public void disconnected(DisconnectReason reason) {
        if (failed || reason.cause() == DisconnectCause.REFUSED) {
            ended.accept(reason);
        } else {
            err.println("roadie: disconnected: " + reason);
        }
    }

    @Override
    public void attemptFailed(DisconnectReason reason) {
        // At once, so that a hub that is down or a wrong URI is seen long before the command's timeout.
        if (retrying) {
            err.println("roadie: could not reach the hub: " + reason.message() + "; trying again");
        }
    }

    @Override
    public void reconnecting(Duration delay) {
        err.println("roadie: reconnecting in " + delay.toMillis() + " ms");
    }

    @Override
    public void hubRestarted(String oldEpoch, String newEpoch) {
        err.println("roadie: the hub restarted; subscribing again");
    }
}
