package dev.roadie.bench.peers;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bare Jetty 12 WebSocket server that sends every text message back to its sender, with no
 * routing, no parsing and no authentication: the ceiling of what the JVM and this machine do
 * with WebSockets, which the report compares the hub to. Run as its own process:
 * {@code java -cp ... dev.roadie.bench.peers.EchoServer PORT}.
 */
public final class EchoServer {
    private static final Logger log = LoggerFactory.getLogger(EchoServer.class);

    private EchoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(1024 * 1024);
            container.addMapping("/ws", (request, response, callback) -> new Echo());
        }));
        server.setStopAtShutdown(true);
        server.start();
        log.info("echo server listening on {}", port);
        server.join();
    }

    /** Echoes one connection; asks for the next frame only once the echo is written (backpressure). */
    public static final class Echo implements Session.Listener {
        private Session session;

        public Echo() {
            // Jetty makes one per connection.
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
            session.demand();
        }

        @Override
        public void onWebSocketText(String message) {
            session.sendText(message, Callback.from(session::demand, failure -> session.close()));
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            log.debug("echo connection failed: {}", cause.toString());
        }
    }
}
