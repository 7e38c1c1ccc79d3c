package dev.roadie.hub.socket;

import dev.roadie.hub.session.ClientLink;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.wire.CloseCode;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** One WebSocket, before and after its hello: the link a session writes through. */
final class Connection implements ClientLink {
    final Session socket;
    final String remoteAddress;
    final long openedNanos;
    final String headerToken;
    volatile ClientSession session;

    Connection(Session socket, String remoteAddress, long openedNanos, String headerToken) {
        this.socket = socket;
        this.remoteAddress = remoteAddress;
        this.openedNanos = openedNanos;
        this.headerToken = headerToken;
    }

    @Override
    public void send(String text, Runnable sent, Consumer<Throwable> failed) {
        socket.sendText(text, Callback.from(sent, failed));
    }

    @Override
    public void close(int code, String reason) {
        socket.close(code, reason, Callback.NOOP);
    }

    /** Closes with a hub close code, its reason first and then the detail, as sessions do. */
    void close(CloseCode code, String detail) {
        close(code.code(), code.reason() + ": " + detail);
    }
}
