package dev.roadie.hub.socket;

import dev.roadie.hub.http.ClientAddresses;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/**
 * Connections that have not said hello yet, by client address ({@link ClientAddresses#limitKey}:
 * an IPv6 /64 as one) and in all. They are counted apart from authenticated ones and held to a
 * much lower number: when an address has {@code limits.helloPendingPerAddress} of them, a new one
 * pushes out its oldest, and when the hub has {@code limits.helloPendingTotal}, the oldest of all.
 * A real client says hello within milliseconds, so the oldest is the one most likely never to;
 * sockets that never say hello thus cannot lock the other clients of their address (or, from many
 * addresses, of the hub) out. Sockets open and say hello far less often than frames flow, so one
 * lock over both counts is cheap and keeps them in step.
 */
final class PendingHellos {
    /** Every waiting connection, oldest first. */
    private final SequencedSet<Connection> all = new LinkedHashSet<>();
    private final Map<String, Deque<Connection>> byAddress = new HashMap<>();

    /** What a new connection pushed out: the oldest of its address, the oldest of the hub; either may be null. */
    record PushedOut(Connection fromAddress, Connection fromHub) {
    }

    /**
     * Adds {@code connection}; returns the oldest one of its address if that now has more than
     * {@code perAddress}, and the oldest of all if the hub now has more than {@code total}.
     */
    synchronized PushedOut add(Connection connection, int perAddress, int total) {
        all.add(connection);
        Deque<Connection> queue = byAddress.computeIfAbsent(key(connection), a -> new ArrayDeque<>());
        queue.addLast(connection);
        Connection fromAddress = null;
        if (queue.size() > perAddress) {
            fromAddress = queue.peekFirst();
            remove(fromAddress);
        }
        Connection fromHub = null;
        if (all.size() > total) {
            fromHub = all.getFirst();
            remove(fromHub);
        }
        return new PushedOut(fromAddress, fromHub);
    }

    /** Removes {@code connection}; true when it was still waiting for its hello. */
    synchronized boolean remove(Connection connection) {
        if (!all.remove(connection)) {
            return false;
        }
        String key = key(connection);
        Deque<Connection> waiting = byAddress.get(key);
        if (waiting != null) {
            waiting.remove(connection);
            if (waiting.isEmpty()) {
                byAddress.remove(key);
            }
        }
        return true;
    }

    /** Every connection waiting now, a copy to go through while others come and go. */
    synchronized List<Connection> all() {
        return List.copyOf(all);
    }

    private static String key(Connection connection) {
        return ClientAddresses.limitKey(connection.remoteAddress);
    }
}
