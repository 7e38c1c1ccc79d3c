package dev.roadie.search.federated;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.roadie.model.music.Track;
import dev.roadie.search.spi.Capability;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks several providers at once, each within its own deadline, hands each answer to the caller
 * as it arrives, then merges them. A slow or broken provider costs its own deadline and a line
 * in the report, never the others' results. Recent answers are cached per provider and query.
 */
public final class FederatedSearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FederatedSearch.class);

    private final Map<String, SearchProvider> providers = new LinkedHashMap<>();
    private final Map<String, Duration> deadlines;
    private final Duration defaultDeadline;
    private final Cache<CacheKey, List<Track>> cache;
    private final SearchObserver observer;
    private final TrackMerger merger = new TrackMerger(TrackMerger.DEFAULT_TOLERANCE_MS);
    private final ExecutorService calls =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("search-provider-", 0).factory());

    /**
     * @param providers       the installed providers, in the order results should favour on ties
     * @param deadlines       a deadline per provider id; others get {@code defaultDeadline}
     * @param defaultDeadline the deadline of providers not listed
     * @param cacheSize       recent (provider, query) answers kept; 0 turns the cache off
     * @param cacheTtl        how long a cached answer is served
     * @param ticker          the cache's clock ({@code Ticker.systemTicker()} outside tests)
     * @param observer        metrics hooks
     */
    public FederatedSearch(Collection<SearchProvider> providers, Map<String, Duration> deadlines,
            Duration defaultDeadline, long cacheSize, Duration cacheTtl, Ticker ticker, SearchObserver observer) {
        for (SearchProvider provider : providers) {
            if (this.providers.putIfAbsent(provider.id(), provider) != null) {
                LOG.warn("Two search providers share the id '{}'; keeping the first", provider.id());
            }
        }
        this.deadlines = Map.copyOf(deadlines);
        this.defaultDeadline = defaultDeadline;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(cacheTtl).ticker(ticker).build();
        this.observer = observer;
    }

    /** The installed providers, in order. */
    public List<SearchProvider> providers() {
        return List.copyOf(providers.values());
    }

    /**
     * Searches.
     *
     * @param query       the text and the most tracks wanted, per provider and merged
     * @param providerIds the providers to ask; empty for every provider that can search
     * @param onAnswer    called once per provider as it answers (from the provider's thread, one at a time)
     * @return the merged result with one report per provider
     * @throws IllegalArgumentException when an id is unknown or names a provider that cannot search
     */
    public SearchResult search(SearchQuery query, List<String> providerIds, Consumer<ProviderAnswer> onAnswer) {
        List<SearchProvider> chosen = choose(providerIds);
        List<CompletableFuture<ProviderAnswer>> pending = new ArrayList<>();
        Object streamLock = new Object();
        for (SearchProvider provider : chosen) {
            CompletableFuture<ProviderAnswer> answer = ask(provider, query).thenApply(a -> {
                synchronized (streamLock) {
                    onAnswer.accept(a);
                }
                return a;
            });
            pending.add(answer);
        }
        List<List<Track>> answers = new ArrayList<>();
        List<ProviderReport> reports = new ArrayList<>();
        for (CompletableFuture<ProviderAnswer> answer : pending) {
            ProviderAnswer done = answer.join();
            answers.add(done.tracks());
            reports.add(done.report());
        }
        return new SearchResult(query.text(), merger.merge(answers, query.limit()), reports);
    }

    /**
     * Resolves a link with the first provider that knows it.
     *
     * @return what is behind the link, or empty when no provider knows it
     * @throws ProviderException when the provider that knows it could not resolve it
     */
    public Optional<LinkResolution> resolve(String link) throws ProviderException {
        for (SearchProvider provider : providers.values()) {
            if (provider.capabilities().contains(Capability.RESOLVE_LINKS)) {
                observer.requested(provider.id());
                long start = System.nanoTime();
                try {
                    Optional<LinkResolution> found = provider.resolve(link);
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (ProviderException e) {
                    observer.failed(provider.id(), ProviderStatus.FAILED);
                    throw e;
                } finally {
                    observer.answered(provider.id(), Duration.ofNanos(System.nanoTime() - start));
                }
            }
        }
        return Optional.empty();
    }

    private List<SearchProvider> choose(List<String> providerIds) {
        if (providerIds.isEmpty()) {
            return providers.values().stream()
                    .filter(p -> p.capabilities().contains(Capability.SEARCH_TRACKS)).toList();
        }
        List<SearchProvider> chosen = new ArrayList<>();
        for (String id : providerIds.stream().distinct().toList()) {
            SearchProvider provider = providers.get(id);
            if (provider == null) {
                throw new IllegalArgumentException("no search provider '" + id + "'; installed: " + providers.keySet());
            }
            if (!provider.capabilities().contains(Capability.SEARCH_TRACKS)) {
                throw new IllegalArgumentException("the provider '" + id + "' cannot search, only resolve links");
            }
            chosen.add(provider);
        }
        return chosen;
    }

    private CompletableFuture<ProviderAnswer> ask(SearchProvider provider, SearchQuery query) {
        String id = provider.id();
        CacheKey key = new CacheKey(id, query.text().toLowerCase(Locale.ROOT), query.limit());
        List<Track> cached = cache.getIfPresent(key);
        if (cached != null) {
            observer.cacheHit(id);
            return CompletableFuture.completedFuture(answer(id, cached, 0, true));
        }
        observer.requested(id);
        long start = System.nanoTime();
        Duration deadline = deadlines.getOrDefault(id, defaultDeadline);
        CompletableFuture<List<Track>> call = new CompletableFuture<>();
        // submit, not supplyAsync: only a Future from the executor interrupts the call when the deadline passes.
        Future<?> task = calls.submit(() -> {
            try {
                call.complete(provider.search(query));
            } catch (ProviderException | RuntimeException e) {
                call.completeExceptionally(e);
            }
        });
        return call.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS).handle((tracks, error) -> {
            long latencyMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            observer.answered(id, Duration.ofNanos(System.nanoTime() - start));
            if (error == null) {
                List<Track> kept = tracks.size() > query.limit() ? tracks.subList(0, query.limit()) : tracks;
                cache.put(key, List.copyOf(kept));
                return answer(id, kept, latencyMs, false);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                task.cancel(true);
                observer.failed(id, ProviderStatus.TIMED_OUT);
                return new ProviderAnswer(new ProviderReport(id, ProviderStatus.TIMED_OUT,
                        "no answer within " + deadline.toMillis() + " ms", 0, latencyMs, false), List.of());
            }
            observer.failed(id, ProviderStatus.FAILED);
            String reason = cause instanceof ProviderException ? reasonOf(cause)
                    : "the provider broke: " + cause;
            if (!(cause instanceof ProviderException)) {
                LOG.warn("Search provider '{}' threw instead of reporting a failure", id, cause);
            } else {
                LOG.debug("Search provider '{}' failed: {}", id, reason);
            }
            return new ProviderAnswer(new ProviderReport(id, ProviderStatus.FAILED, reason, 0, latencyMs, false),
                    List.of());
        });
    }

    /** A plug-in may fail without saying why; "null" must not reach the user as the reason. */
    private static String reasonOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "it failed without saying why (see the hub log)" : message;
    }

    private static ProviderAnswer answer(String id, List<Track> tracks, long latencyMs, boolean cached) {
        ProviderStatus status = tracks.isEmpty() ? ProviderStatus.EMPTY : ProviderStatus.OK;
        return new ProviderAnswer(new ProviderReport(id, status, null, tracks.size(), latencyMs, cached), tracks);
    }

    /** Stops the provider calls still running. */
    @Override
    public void close() {
        calls.shutdownNow();
    }

    /** One cached answer: a provider, a query in lower case, a limit. */
    private record CacheKey(String provider, String text, int limit) {
    }
}
