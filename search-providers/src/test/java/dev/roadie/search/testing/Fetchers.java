package dev.roadie.search.testing;

import dev.roadie.search.http.AddressGuard;
import dev.roadie.search.http.FetchPolicy;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.HostResolver;
import dev.roadie.search.http.RateLimiter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;

/** Fetchers as the built-ins use them, with short deadlines for tests. */
public final class Fetchers {

    public static final HttpClient CLIENT = Fetcher.newClient(Duration.ofSeconds(2));

    private Fetchers() {
    }

    public static FetchPolicy policy() {
        return new FetchPolicy(Duration.ofSeconds(5), 1_000_000, 3, FetchPolicy.DEFAULT_USER_AGENT);
    }

    public static Fetcher plain(String service) {
        return new Fetcher(CLIENT, service, policy(), null, null);
    }

    public static Fetcher limited(String service, RateLimiter limiter) {
        return new Fetcher(CLIENT, service, policy(), limiter, null);
    }

    /** A guarded fetcher that may reach 127.0.0.1 only: for the tests that fetch from a local server. */
    public static Fetcher guardedAllowingLoopback(FetchPolicy policy) {
        return new Fetcher(CLIENT, "the linked site", policy, null,
                new AddressGuard(HostResolver.SYSTEM, Set.of("127.0.0.1")));
    }
}
