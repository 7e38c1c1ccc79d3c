package dev.roadie.client.testing;

import dev.roadie.client.ConnectionListener;
import dev.roadie.client.ConnectionState;
import dev.roadie.client.DisconnectReason;
import dev.roadie.client.SessionInfo;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every connection event, for assertions. */
public final class RecordingListener implements ConnectionListener {
    public final List<String> events = new CopyOnWriteArrayList<>();
    public final List<SessionInfo> connected = new CopyOnWriteArrayList<>();
    public final List<SessionInfo> resumed = new CopyOnWriteArrayList<>();
    public final List<DisconnectReason> disconnected = new CopyOnWriteArrayList<>();
    public final List<Long> disconnectedAtNanos = new CopyOnWriteArrayList<>();
    public final List<Duration> reconnecting = new CopyOnWriteArrayList<>();
    public final List<String> restarts = new CopyOnWriteArrayList<>();
    public final List<String> addresses = new CopyOnWriteArrayList<>();

    @Override
    public void connecting(URI hub, InetAddress address) {
        addresses.add(hub.getHost() + "=" + address.getHostAddress());
        events.add("connecting " + hub + " " + address.getHostAddress());
    }

    @Override
    public void connected(SessionInfo session) {
        connected.add(session);
        events.add("connected " + session.session());
    }

    @Override
    public void resumed(SessionInfo session) {
        resumed.add(session);
        events.add("resumed " + session.session());
    }

    @Override
    public void disconnected(DisconnectReason reason) {
        disconnectedAtNanos.add(System.nanoTime());
        disconnected.add(reason);
        events.add("disconnected " + reason);
    }

    @Override
    public void reconnecting(Duration delay) {
        reconnecting.add(delay);
        events.add("reconnecting " + delay);
    }

    @Override
    public void hubRestarted(String oldEpoch, String newEpoch) {
        restarts.add(oldEpoch + "->" + newEpoch);
        events.add("hubRestarted " + oldEpoch + " -> " + newEpoch);
    }

    @Override
    public void stateChanged(ConnectionState from, ConnectionState to) {
        events.add(from + " -> " + to);
    }
}
