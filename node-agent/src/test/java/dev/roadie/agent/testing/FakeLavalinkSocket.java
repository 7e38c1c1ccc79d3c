package dev.roadie.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Lavalink v4 node's {@code /v4/websocket} on 127.0.0.1, on a port of its own (the JDK's HTTP
 * server of {@link FakeLavalink} cannot upgrade a connection). Like Lavalink it wants the
 * {@code Authorization}, {@code User-Id} and {@code Client-Name} headers, closes a wrong password
 * with 4001, sends the ready op on open and stats ops when the test pushes them.
 */
public final class FakeLavalinkSocket extends WebSocketServer implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String password;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger starts = new AtomicInteger(1);
    private final AtomicInteger opened = new AtomicInteger();
    private final List<Map<String, String>> handshakes = new CopyOnWriteArrayList<>();
    private final List<Exception> errors = new CopyOnWriteArrayList<>();

    private FakeLavalinkSocket(String password) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.password = password;
        setReuseAddr(true);
    }

    /** @param password the password it accepts; a different one than the REST fake's simulates a misconfigured socket */
    public static FakeLavalinkSocket start(String password) {
        FakeLavalinkSocket socket = new FakeLavalinkSocket(password);
        socket.start();
        try {
            if (!socket.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fake websocket did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return socket;
    }

    /** The node URL whose {@code ws://host:port/v4/websocket} is this fake. */
    public URI nodeUri() {
        return URI.create("http://127.0.0.1:" + getPort());
    }

    /** The session id of the current (simulated) start of the node. */
    public String sessionId() {
        return "fakesession" + starts.get();
    }

    /** How many sockets it accepted with the right headers and password. */
    public int opened() {
        return opened.get();
    }

    /** The three headers of every handshake it received. */
    public List<Map<String, String>> handshakes() {
        return List.copyOf(handshakes);
    }

    /** Simulates a restart: every socket is dropped and the next ones get a new session id. */
    public void restart() {
        starts.incrementAndGet();
        getConnections().forEach(c -> c.close(CloseFrame.GOING_AWAY, "restarting"));
    }

    /**
     * Pushes a stats op (the shape of /v4/stats plus op) with this many players to every open socket; its uptime
     * is the REST fake's, as both describe the same node.
     */
    public void pushStats(int players) {
        pushStats(players, 7_200_000);
    }

    /** Pushes a stats op with this uptime, as one the node took at another moment than the REST fake's. */
    public void pushStats(int players, long uptime) {
        broadcast(String.format(Locale.ROOT, """
                {"op":"stats","players":%d,"playingPlayers":%d,"uptime":%d,
                 "memory":{"free":200000000,"used":300000000,"allocated":500000000,"reservable":2000000000},
                 "cpu":{"cores":2,"systemLoad":0.2,"lavalinkLoad":0.1},
                 "frameStats":null}""", players, players, uptime));
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        handshakes.add(Map.of("Authorization", request.getFieldValue("Authorization"),
                "User-Id", request.getFieldValue("User-Id"), "Client-Name", request.getFieldValue("Client-Name")));
        // Lavalink refuses a socket without a user id or client name before it opens.
        if (!request.getFieldValue("User-Id").matches("\\d+") || request.getFieldValue("Client-Name").isEmpty()) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "User-Id and Client-Name are required");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (!password.equals(handshake.getFieldValue("Authorization"))) {
            conn.close(4001, "Unauthorized");
            return;
        }
        opened.incrementAndGet();
        try {
            ObjectNode ready = (ObjectNode) JSON.readTree(FakeLavalink.resource("/lavalink/websocket-ready.json"));
            conn.send(ready.put("sessionId", sessionId()).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // Nothing to keep: the agent's side is what the tests look at.
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        // The agent sends nothing; Lavalink would ignore it too.
    }

    @Override
    public void onError(WebSocket conn, Exception e) {
        errors.add(e);
    }

    /** What failed on its side (the tests expect nothing). */
    public List<Exception> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
