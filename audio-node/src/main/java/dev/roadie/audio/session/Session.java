package dev.roadie.audio.session;

import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * One client's session: its players, and its socket while connected. With resuming on, a lost
 * socket keeps the players for {@code timeout} seconds and what they said meanwhile is kept to be
 * replayed, in order, when the client comes back with {@code Session-Id}.
 */
public final class Session {
    /** Lavalink's default: 60 seconds. */
    static final long DEFAULT_TIMEOUT_SECONDS = 60;
    /** Bounds what a session away for long keeps: the oldest messages go first. */
    private static final int MAX_MISSED = 10_000;

    private final String id;
    private final String userId;
    private final String clientName;
    private final Map<String, Player> players = new ConcurrentHashMap<>();
    private final Deque<String> missed = new ArrayDeque<>();
    private WsContext socket;
    private boolean resuming;
    private long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private ScheduledFuture<?> expiry;

    Session(String id, String userId, String clientName, WsContext socket) {
        this.id = id;
        this.userId = userId;
        this.clientName = clientName;
        this.socket = socket;
    }

    public String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String clientName() {
        return clientName;
    }

    /** Sends {@code message}, or keeps it for the resumed socket while the client is away. */
    public synchronized void send(ObjectNode message) {
        String text = message.toString();
        if (socket != null && socket.session.isOpen()) {
            socket.send(text);
        } else if (resuming) {
            if (missed.size() == MAX_MISSED) {
                missed.removeFirst();
            }
            missed.addLast(text);
        }
    }

    /**
     * The socket came back: replays what it missed, after {@code ready}. A socket the session still
     * held is closed: the client has moved to the new one.
     */
    synchronized void attach(WsContext socket, ObjectNode ready) {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
        WsContext previous = this.socket;
        this.socket = socket;
        // Set first: the old socket's close, seen after, is then known for an older one and ignored.
        if (previous != null && previous.session.isOpen()) {
            previous.closeSession(1000, "Resumed on a new socket");
        }
        socket.send(ready.toString());
        while (!missed.isEmpty()) {
            socket.send(missed.removeFirst());
        }
    }

    /** @return whether the session lives on for a resume */
    synchronized boolean detach(WsContext closed, Function<Session, ScheduledFuture<?>> scheduleExpiry) {
        // Javalin hands each event its own context: the socket is the same when its id is.
        if (socket == null || !socket.sessionId().equals(closed.sessionId())) {
            return true; // an older socket of a resumed session: the session has a newer one
        }
        socket = null;
        if (!resuming) {
            return false;
        }
        expiry = scheduleExpiry.apply(this);
        return true;
    }

    synchronized boolean isAway() {
        return socket == null;
    }

    synchronized void resuming(boolean resuming) {
        this.resuming = resuming;
    }

    synchronized void timeoutSeconds(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    synchronized boolean resuming() {
        return resuming;
    }

    synchronized long timeoutSeconds() {
        return timeoutSeconds;
    }

    Player player(String guildId) {
        return players.get(guildId);
    }

    Player playerOrCreate(String guildId, Function<String, Player> create) {
        return players.computeIfAbsent(guildId, create);
    }

    Player removePlayer(String guildId) {
        return players.remove(guildId);
    }

    public Collection<Player> players() {
        return players.values();
    }

    void destroy() {
        players.values().forEach(Player::destroy);
        players.clear();
    }
}
