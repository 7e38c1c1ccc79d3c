package dev.roadie.search.federated;

/**
 * One provider's part in a search, so the user sees why Deezer is missing instead of guessing.
 *
 * @param provider  the provider id
 * @param status    ok, empty, failed or timed out
 * @param reason    why it failed or timed out; null otherwise
 * @param count     how many tracks it returned
 * @param latencyMs how long it took (0 when served from the cache)
 * @param cached    whether the answer came from the cache of recent queries
 */
public record ProviderReport(String provider, ProviderStatus status, String reason, int count, long latencyMs,
        boolean cached) {
}
