package dev.roadie.hub.socket;

import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.context.HubContext;
import dev.roadie.hub.hubcalls.HubCalls;
import dev.roadie.hub.http.ClientAddresses;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.Goodbye;
import dev.roadie.model.wire.Ping;
import java.util.concurrent.ThreadLocalRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /ws} endpoint: accepts connections within the per-address and total limits,
 * hands the first frame to the {@link Handshake} and the rest to the {@link FrameDispatcher},
 * and once a tick sends heartbeats and closes links that went quiet.
 */
public final class HubSocket {
    private static final Logger log = LoggerFactory.getLogger(HubSocket.class);
    /** Where clients connect. */
    public static final String PATH = "/ws";

    private final HubContext hub;
    private final Handshake handshake;
    private final FrameDispatcher dispatcher;
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final PendingHellos waitingForHello = new PendingHellos();
    private final ClientAddresses addresses;
    private final AtomicInteger open = new AtomicInteger();

    /**
     * @param addresses how a socket's client address is told (trusted proxies' {@code X-Forwarded-For})
     * @param failures  failed token checks per client address, shared with the REST API
     * @param hubCalls  answers the requests to the hub itself
     */
    public HubSocket(HubContext hub, ClientAddresses addresses, FailedTokenChecks failures, HubCalls hubCalls) {
        this.hub = hub;
        this.addresses = addresses;
        this.handshake = new Handshake(hub, failures);
        this.dispatcher = new FrameDispatcher(hub, hubCalls);
    }

    /**
     * Serves {@code /ws} from Jetty's own WebSocket container, in front of Javalin's handlers
     * (Javalin attaches its own inside this wrapper). Why not Javalin's WebSocket routes: they
     * go through the servlet layer, which keeps a servlet request, its headers and an HTTP session
     * for every socket's lifetime and took 1.7 times the CPU per connection (docs/PERFORMANCE.md).
     * Returns the handler; the server's chain puts it behind the HTTP guards.
     */
    public Handler.Wrapper upgrades(Server server) {
        var limits = hub.config().limits();
        var heartbeat = hub.config().heartbeat();
        return WebSocketUpgradeHandler.from(server, container -> {
            // Frames over the configured limit get a too-large error and the link stays;
            // only frames over four times the limit are cut by Jetty itself (close 1009).
            container.setMaxTextMessageSize(4L * limits.maxFrameBytes());
            container.setMaxBinaryMessageSize(1024);
            // Our heartbeats decide when a link is dead; Jetty's idle timeout is a backstop.
            container.setIdleTimeout(heartbeat.interval().multipliedBy(2L * heartbeat.tolerance())
                    .plus(Duration.ofSeconds(5)));
            container.addMapping(PATH, (request, response, callback) ->
                    new SocketEndpoint(this, request.getHeaders().get(HttpHeader.AUTHORIZATION),
                            addresses.of(request)));
        });
    }

    /**
     * A socket was opened from {@code address} (its client's, behind a trusted proxy): counts it
     * against the limits and waits for its hello.
     */
    Connection opened(Session socket, String authorization, String address) {
        hub.metrics().connectionOpened();
        Connection connection = new Connection(socket, address, System.nanoTime(), bearer(authorization));
        int fromAddress = perAddress.merge(ClientAddresses.limitKey(address), 1, Integer::sum);
        int total = open.incrementAndGet();
        var limits = hub.config().limits();
        if (fromAddress > limits.connectionsPerAddress()) {
            log.warn("Refused a connection from {}: {} open from there", address, fromAddress - 1);
            connection.close(CloseCode.POLICY, "too many connections from your address");
        } else if (total > limits.maxConnections()) {
            log.warn("Refused a connection from {}: the hub is full ({} connections)", address, total - 1);
            connection.close(CloseCode.POLICY, "the hub is full");
        } else {
            PendingHellos.PushedOut pushedOut = waitingForHello.add(connection, limits.helloPendingPerAddress(),
                    limits.helloPendingTotal());
            if (pushedOut.fromAddress() != null) {
                log.warn("Closed a connection from {}: {} others from there wait for their hello", address,
                        limits.helloPendingPerAddress());
                pushedOut.fromAddress().close(CloseCode.POLICY,
                        "too many connections without a hello from your address");
            }
            if (pushedOut.fromHub() != null) {
                log.warn("Closed a connection from {}: {} others wait for their hello on the hub"
                        + " (limits.helloPendingTotal)", pushedOut.fromHub().remoteAddress, limits.helloPendingTotal());
                pushedOut.fromHub().close(CloseCode.POLICY, "too many connections without a hello on the hub");
            }
        }
        return connection;
    }

    /** A text frame arrived: the hello goes to the handshake, the rest to the dispatcher. */
    void text(Connection connection, String text) {
        ClientSession session = connection.session;
        if (session != null) {
            // Frames still arriving on a link that was replaced, cut or ended are stale: dropping
            // them keeps an old socket from changing a session (or a route) it no longer owns.
            if (session.isLink(connection)) {
                dispatcher.onText(session, text);
            }
        } else if (waitingForHello.remove(connection)) {
            handshake.accept(connection, text);
        }
    }

    /** The socket closed: a lost link leaves its session waiting for a resume, a normal close ends it. */
    void closed(Connection connection, int status, String reason) {
        hub.metrics().connectionClosed(status);
        if (connection == null) {
            return; // opened() threw before returning it, and Jetty closed the socket
        }
        waitingForHello.remove(connection);
        open.decrementAndGet();
        perAddress.computeIfPresent(ClientAddresses.limitKey(connection.remoteAddress),
                (a, count) -> count <= 1 ? null : count - 1);
        ClientSession session = connection.session;
        if (session == null || session.isEnded()) {
            return;
        }
        if (!session.detach(connection, System.nanoTime())) {
            return; // an old link of a session resumed elsewhere: the session is not this socket's any more
        }
        if (status == 1000 || status == 1001) {
            // A client that closes normally is leaving, not losing its link: nothing to resume.
            session.end("closed by the client (" + status + ")");
        } else {
            log.info("Link of {} lost ({} {}); the session waits {} ms for a resume", session, status, reason,
                    hub.config().sessions().resumeWindow().toMillis());
        }
    }

    /** Jetty reports a socket's failure here, then closes it: {@link #closed} does the rest. */
    void failed(Connection connection, Throwable error) {
        log.debug("WebSocket error on {}: {}", connection == null ? "a connection" : connection.remoteAddress,
                String.valueOf(error));
    }

    /**
     * One heartbeat tick: closes connections that sent no hello in time and sessions not heard
     * from for interval x tolerance, pings sessions that were quiet for an interval, and ends
     * sessions not resumed within the resume window. Leases and durable expiry are the hub's
     * housekeeping, which runs with no socket open as well.
     */
    public void tick() {
        long now = System.nanoTime();
        long authTimeout = hub.config().limits().authTimeout().toNanos();
        for (Connection connection : waitingForHello.all()) {
            if (now - connection.openedNanos > authTimeout) {
                waitingForHello.remove(connection);
                connection.close(CloseCode.HELLO_TIMEOUT, "send a hello within "
                        + hub.config().limits().authTimeout().toMillis() + " ms");
            }
        }
        handshake.sweep();
        long interval = hub.config().heartbeat().interval().toNanos();
        long deadAfter = interval * hub.config().heartbeat().tolerance();
        long resumeWindow = hub.config().sessions().resumeWindow().toNanos();
        for (ClientSession session : hub.sessions().snapshot()) {
            if (session.isEnded()) {
                continue;
            }
            if (!session.isAttached()) {
                if (now - session.detachedSinceNanos() > resumeWindow) {
                    session.end("not resumed within " + hub.config().sessions().resumeWindow().toMillis() + " ms");
                }
            } else if (now - session.lastHeardNanos() > deadAfter) {
                // The link may be dead without a close ever arriving: detach now, keep the session.
                session.closeLink(CloseCode.HEARTBEAT_MISSED, "nothing heard for "
                        + (now - session.lastHeardNanos()) / 1_000_000 + " ms");
            } else if (now - session.lastSentNanos() >= interval) {
                session.sendControl(new Ping(System.currentTimeMillis()));
            }
        }
    }

    /** How many sockets are open, authenticated or not. */
    public int openConnections() {
        return open.get();
    }

    /**
     * Closes every connection as the hub stops. Each client is first told to reconnect after a
     * random delay within {@code sessions.reconnectSpread}, so that they come back spread out.
     */
    public void closeAll(CloseCode code, String reason) {
        long spreadMs = hub.config().sessions().reconnectSpread().toMillis();
        for (ClientSession session : hub.sessions().snapshot()) {
            session.sendControl(new Goodbye(reason, ThreadLocalRandom.current().nextLong(spreadMs + 1)));
            session.end(code, reason);
        }
        for (Connection connection : waitingForHello.all()) {
            connection.close(code, reason);
        }
    }

    private static String bearer(String header) {
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return null;
    }
}
