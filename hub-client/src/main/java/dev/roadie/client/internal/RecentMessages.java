package dev.roadie.client.internal;

import dev.roadie.model.registry.ServiceId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The (from, id) pairs of the last messages delivered, to drop duplicates: a sender resends
 * what the hub had not confirmed after a reconnect, and the hub delivers durable messages
 * again after a restart. Bounded, least recently seen dropped first. Timer thread only.
 */
final class RecentMessages {
    static final int CAPACITY = 10_000;

    private final Map<String, Boolean> seen;

    RecentMessages(int capacity) {
        this.seen = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the message; false when it was seen before. */
    boolean firstTime(ServiceId from, String id) {
        return seen.put(from + "\n" + id, Boolean.TRUE) == null;
    }
}
