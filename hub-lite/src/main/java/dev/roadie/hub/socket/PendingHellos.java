package dev.roadie.hub.socket;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections that have not said hello yet, by client address. They are counted apart from
 * authenticated ones and held to a much lower number per address: when an address has
 * {@code limits.helloPendingPerAddress} of them, a new one pushes out the oldest. A real client
 * says hello within milliseconds, so the oldest is the one most likely never to; sockets that
 * never say hello thus cannot lock the other clients of their address out.
 */
final class PendingHellos {
    private final Map<Connection, Boolean> all = new ConcurrentHashMap<>();
    private final Map<String, Deque<Connection>> byAddress = new ConcurrentHashMap<>();

    /** Adds {@code connection}; returns the oldest one of its address if that is now over {@code perAddress}. */
    Connection add(Connection connection, int perAddress) {
        all.put(connection, Boolean.TRUE);
        Connection[] pushedOut = {null};
        byAddress.compute(connection.remoteAddress, (address, waiting) -> {
            Deque<Connection> queue = waiting == null ? new ArrayDeque<>() : waiting;
            queue.addLast(connection);
            if (queue.size() > perAddress) {
                pushedOut[0] = queue.pollFirst();
            }
            return queue;
        });
        if (pushedOut[0] != null) {
            all.remove(pushedOut[0]);
        }
        return pushedOut[0];
    }

    /** Removes {@code connection}; true when it was still waiting for its hello. */
    boolean remove(Connection connection) {
        if (all.remove(connection) == null) {
            return false;
        }
        byAddress.computeIfPresent(connection.remoteAddress, (address, waiting) -> {
            waiting.remove(connection);
            return waiting.isEmpty() ? null : waiting;
        });
        return true;
    }

    /** Every connection waiting now. */
    Set<Connection> all() {
        return all.keySet();
    }
}
