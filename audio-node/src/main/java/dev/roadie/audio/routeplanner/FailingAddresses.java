package dev.roadie.audio.routeplanner;

import com.sedmelluq.lava.extensions.youtuberotator.planner.AbstractRoutePlanner;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A copy of the planner's failing addresses, safe to read while requests mark new ones. */
final class FailingAddresses {
    private static final int ATTEMPTS = 100;

    private FailingAddresses() {
    }

    /** The address ({@code /10.0.0.1}) and when it failed (epoch ms), oldest first. */
    static Map<String, Long> of(AbstractRoutePlanner planner) {
        // lavaplayer keeps them in a plain HashMap that source threads write to with no lock; a copy
        // taken while one writes fails fast, and the next attempt sees the map settled.
        ConcurrentModificationException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                Map<String, Long> copy = new LinkedHashMap<>();
                planner.getFailingAddresses().entrySet().stream().sorted(Map.Entry.comparingByValue())
                        .forEach(entry -> copy.put(entry.getKey(), entry.getValue()));
                return copy;
            } catch (ConcurrentModificationException e) {
                last = e;
            }
        }
        throw new IllegalStateException("the failing addresses kept changing during " + ATTEMPTS + " reads", last);
    }
}
