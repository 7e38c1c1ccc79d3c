package dev.roadie.hub.socket;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket as Jetty's container sees it, passed on to the {@link HubSocket}. Jetty calls it
 * one event at a time and asks for the next frame when {@link #onWebSocketText} returns. Public
 * because Jetty binds to its methods through method handles.
 */
public final class SocketEndpoint implements Session.Listener.AutoDemanding {
    private final HubSocket socket;
    private final String authorization;
    private final String address;
    private Connection connection;

    SocketEndpoint(HubSocket socket, String authorization, String address) {
        this.socket = socket;
        this.authorization = authorization;
        this.address = address;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection = socket.opened(session, authorization, address);
    }

    @Override
    public void onWebSocketText(String text) {
        socket.text(connection, text);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        // The protocol has no binary frames.
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
        socket.closed(connection, status, reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        socket.failed(connection, cause);
    }
}
