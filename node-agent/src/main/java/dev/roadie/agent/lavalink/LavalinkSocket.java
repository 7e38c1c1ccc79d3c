package dev.roadie.agent.lavalink;

import dev.roadie.model.registry.NodeStats;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Lavalink v4 node's {@code /v4/websocket}: its ready op tells at once that the node is
 * up (a new session id: it restarted), its stats ops are readings the agent does not have to
 * ask for. The socket only adds to the REST polling, so it never gives up and never throws: a
 * dropped or refused socket is logged and opened again after a backoff (1 s doubling to 30 s).
 */
public final class LavalinkSocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LavalinkSocket.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    // Lavalink adds fields and ops between versions; the agent reads only what it knows.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final URI uri;
    private final Map<String, String> headers;
    private final int connectTimeoutMs;
    private final SocketListener listener;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("roadie-agent-lavalink-ws-retry").daemon().factory());
    private volatile Link current;
    private volatile boolean closed;
    private Duration backoff = FIRST_BACKOFF;
    private int failuresInARow;

    /**
     * @param nodeUrl    the node's REST address ({@code http(s)://host:port}); the socket is {@code ws(s)://host:port/v4/websocket}
     * @param userId     the {@code User-Id} header Lavalink requires (no bot acts under it)
     * @param clientName the {@code Client-Name} header, {@code roadie-agent/<version>}
     */
    public LavalinkSocket(URI nodeUrl, String password, String userId, String clientName, Duration connectTimeout,
            SocketListener listener) {
        this.uri = socketUri(nodeUrl);
        this.headers = Map.of("Authorization", password, "User-Id", userId, "Client-Name", clientName);
        this.connectTimeoutMs = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.listener = listener;
    }

    static URI socketUri(URI nodeUrl) {
        String scheme = "https".equalsIgnoreCase(nodeUrl.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + nodeUrl.getRawAuthority() + "/v4/websocket");
    }

    /** Opens the socket; returns at once. */
    public void start() {
        retries.execute(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        Link link = new Link(uri, headers, connectTimeoutMs);
        current = link;
        log.debug("opening {}", uri);
        // Non-blocking: the link's own thread connects, and every failure ends in onClose.
        link.connect();
    }

    /** Runs on the link's thread once it closed or never opened: try again later, unless the agent stops. */
    private synchronized void reopenLater(Link link, int code, String reason, boolean opened) {
        if (closed || link != current) {
            return;
        }
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        failuresInARow++;
        String hint = hint(code, reason);
        // The first failure in a row is a warning; repeats while the node stays away would flood the log.
        // A refusal is always a warning: it does not heal by itself.
        if (opened || failuresInARow == 1 || !hint.isEmpty()) {
            log.warn("{} {} (code {}: {}{}); the agent keeps reading REST and retries the socket in {} s", uri,
                    opened ? "closed" : "could not be opened", code, reason, hint, wait.toSeconds());
        } else {
            log.debug("{} still cannot be opened (code {}: {}); retrying in {} s", uri, code, reason, wait.toSeconds());
        }
        try {
            retries.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Only when close() ran between the check above and here.
            log.debug("not reopening {}: the agent is closing", uri);
        }
    }

    /** What a refusal most likely means; empty for a drop, which heals when the node is back. */
    static String hint(int code, String reason) {
        // Lavalink refuses a wrong password with HTTP 401 before the upgrade; the library puts the status in the reason.
        if (code == 4001 || reason.matches(".*status code received: 40[13]\\b.*")) {
            return "; refused: is node.password lavalink.server.password?";
        }
        if (reason.contains("Invalid status code received")) {
            return "; the handshake was refused: is node.url a Lavalink v4 node?";
        }
        return "";
    }

    private synchronized void opened() {
        backoff = FIRST_BACKOFF;
        failuresInARow = 0;
    }

    private void message(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            log.warn("{} sent something that is not JSON, ignored: {}", uri, e.getOriginalMessage());
            return;
        }
        switch (root.path("op").asString("")) {
            case "ready" -> {
                String sessionId = root.path("sessionId").asString("");
                log.info("{} is ready (session {}, resumed {})", uri, sessionId, root.path("resumed").asBoolean());
                listener.ready(sessionId, root.path("resumed").asBoolean());
            }
            case "stats" -> {
                try {
                    NodeStats stats = JSON.treeToValue(root, NodeStats.class);
                    log.trace("{} pushed stats (uptime {} ms)", uri, stats.uptime());
                    listener.stats(stats);
                } catch (JacksonException e) {
                    log.warn("{} pushed stats that are not Lavalink's stats, ignored: {}", uri, e.getOriginalMessage());
                }
            }
            // playerUpdate and event ops are about players of bots; the agent has none.
            default -> log.trace("{} sent op {}", uri, root.path("op").asString());
        }
    }

    /** Closes the socket and stops reopening it. Closing twice does nothing. */
    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        Link link = current;
        if (link != null) {
            link.close();
        }
    }

    /** One attempt: a WebSocketClient is not reusable, so every reconnect makes a new one. */
    private final class Link extends WebSocketClient {
        private volatile boolean opened;

        Link(URI target, Map<String, String> handshakeHeaders, int timeoutMs) {
            super(target, new Draft_6455(), handshakeHeaders, timeoutMs);
            setDaemon(true);
        }

        @Override
        public void run() {
            // The library's own name says nothing in a thread dump of the agent.
            Thread.currentThread().setName("roadie-agent-lavalink-ws");
            super.run();
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened = true;
            log.info("{} is open", uri);
            opened();
        }

        @Override
        public void onMessage(String text) {
            try {
                message(text);
            } catch (RuntimeException e) {
                // A listener failing must not kill the socket's thread: log it and keep reading.
                log.error("handling a message of {} failed: {}", uri, e.toString(), e);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            reopenLater(this, code, reason == null ? "" : reason, opened);
        }

        @Override
        public void onError(Exception e) {
            // onClose follows every error and reopens; the error itself says why.
            log.debug("{} failed: {}", uri, e.toString());
        }
    }
}
