package dev.roadie.hub.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes HTTP connections whose request headers take longer than {@code http.headerTimeout}
 * to arrive. Jetty's idle timeout restarts with every byte, so a client that sends its headers
 * one byte every few seconds (slowloris), on the API or on the {@code /ws} upgrade, would
 * otherwise hold its connection forever. Registered on each connector as a connection listener;
 * {@link #sweep()} runs on the hub's timer.
 *
 * <p>It reads the parser of Jetty's HTTP/1.1 connection, which Jetty keeps in an internal
 * package: Jetty itself has no deadline for headers.
 */
final class HeaderDeadline implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);

    private final long timeoutNanos;
    private final Duration timeout;
    private final Map<HttpConnection, Boolean> open = new ConcurrentHashMap<>();

    HeaderDeadline(Duration timeout) {
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.put(http, Boolean.TRUE);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.remove(http);
        }
    }

    /** Closes every connection that is part-way through its headers for longer than the timeout. */
    void sweep() {
        long now = NanoTime.now();
        for (HttpConnection http : open.keySet()) {
            if (http.getEndPoint().getConnection() != http) {
                open.remove(http); // upgraded to a WebSocket: the hello deadline takes over
                continue;
            }
            HttpParser parser = http.getParser();
            if (!parser.isStart() && parser.inHeaderState()
                    && NanoTime.elapsed(parser.getBeginNanoTime(), now) > timeoutNanos) {
                log.info("Closed an HTTP connection from {}: its request headers took over {} ms",
                        http.getEndPoint().getRemoteSocketAddress(), timeout.toMillis());
                open.remove(http);
                http.getEndPoint().close();
            }
        }
    }

    /** HTTP connections open now; for tests. */
    int openConnections() {
        return open.size();
    }
}
