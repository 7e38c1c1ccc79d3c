package dev.roadie.hub.search;

import dev.roadie.hub.metrics.HubMetrics;
import dev.roadie.search.federated.ProviderStatus;
import dev.roadie.search.federated.SearchObserver;
import java.time.Duration;
import java.util.Set;

/**
 * Feeds provider events into {@link HubMetrics}. Provider ids become label values, so only the
 * ids of installed providers (a set fixed at start) are let through.
 */
final class SearchMetrics implements SearchObserver {
    private final HubMetrics metrics;
    private final Set<String> installed;

    SearchMetrics(HubMetrics metrics, Set<String> installed) {
        this.metrics = metrics;
        this.installed = Set.copyOf(installed);
    }

    @Override
    public void requested(String provider) {
        if (installed.contains(provider)) {
            metrics.searchRequested(provider);
        }
    }

    @Override
    public void failed(String provider, ProviderStatus status) {
        if (installed.contains(provider)) {
            metrics.searchFailed(provider, status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }

    @Override
    public void answered(String provider, Duration latency) {
        if (installed.contains(provider)) {
            metrics.searchLatency(provider, latency.toNanos() / 1e9);
        }
    }

    @Override
    public void cacheHit(String provider) {
        if (installed.contains(provider)) {
            metrics.searchCacheHit(provider);
        }
    }
}
