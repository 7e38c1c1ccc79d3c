package dev.roadie.model.search;

/**
 * How one provider did in a search.
 *
 * @param status    {@code ok}, {@code empty}, {@code failed}, {@code timed-out} or {@code skipped}
 * @param reason    why it failed, for people; null when it did not
 * @param count     how many tracks it found
 * @param latencyMs how long it took
 * @param cached    whether the answer came from the hub's cache
 */
public record ProviderOutcome(String provider, String status, String reason, int count, long latencyMs,
        boolean cached) {
}
