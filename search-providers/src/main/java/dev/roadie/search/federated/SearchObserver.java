package dev.roadie.search.federated;

import java.time.Duration;

/** Hooks for metrics: the hub counts requests, failures, latency and cache hits per provider. */
public interface SearchObserver {

    /** Observes nothing. */
    SearchObserver NONE = new SearchObserver() {
    };

    /** A provider was asked. */
    default void requested(String provider) {
    }

    /** A provider failed or timed out. */
    default void failed(String provider, ProviderStatus status) {
    }

    /** A provider answered (or failed) after this long. */
    default void answered(String provider, Duration latency) {
    }

    /** A provider's answer was served from the cache instead. */
    default void cacheHit(String provider) {
    }
}
