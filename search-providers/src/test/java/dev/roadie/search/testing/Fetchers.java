package dev.roadie.search.testing;

import dev.roadie.search.http.AddressGuard;
import dev.roadie.search.http.AllowedAddresses;
import dev.roadie.search.http.FetchClients;
import dev.roadie.search.http.FetchPolicy;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.HostResolver;
import dev.roadie.search.http.RateLimiter;
import java.time.Duration;

/** Fetchers as the built-ins use them, with short deadlines for tests. */
public final class Fetchers {

    /** Shared by every test in the JVM; its threads are daemons, so it needs no closing. */
    public static final FetchClients CLIENTS = new FetchClients(Duration.ofSeconds(2));

    private Fetchers() {
    }

    public static FetchPolicy policy() {
        return new FetchPolicy(Duration.ofSeconds(5), 1_000_000, 3, FetchPolicy.DEFAULT_USER_AGENT);
    }

    public static Fetcher plain(String service) {
        return new Fetcher(CLIENTS, service, policy(), null, null);
    }

    public static Fetcher limited(String service, RateLimiter limiter) {
        return new Fetcher(CLIENTS, service, policy(), limiter, null);
    }

    /** A guarded fetcher that may reach 127.0.0.1 only: for the tests that fetch from a local server. */
    public static Fetcher guardedAllowingLoopback(FetchPolicy policy) {
        return new Fetcher(CLIENTS, "the linked site", policy, null,
                new AddressGuard(HostResolver.SYSTEM, AllowedAddresses.parse("search.links.allowedAddresses", "127.0.0.1")));
    }
}
