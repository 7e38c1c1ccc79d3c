package dev.roadie.cli.client;

import dev.roadie.client.ConnectionListener;
import dev.roadie.client.DisconnectReason;
import dev.roadie.client.SessionInfo;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Connection events of a command-line client as short lines on stderr; {@code refused} hears when
 * the hub refuses the client for good (bad token, replaced).
 */
record StderrConnectionListener(PrintWriter err, java.util.function.Consumer<DisconnectReason> refused)
        implements ConnectionListener {
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
    public void disconnected(DisconnectReason reason) {
        err.println("roadie: disconnected: " + reason);
        if (reason.cause() == dev.roadie.client.DisconnectCause.REFUSED) {
            refused.accept(reason);
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
