package dev.roadie.search.http;

import dev.roadie.model.wire.FrameCodec;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.RateLimitedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * GETs from one service within its policy: its rate limit, the Retry-After it asked for, a
 * deadline for the whole exchange, a size cap, and (for links users name) the address guard
 * on the first URL and on every redirect.
 */
public final class Fetcher {

    private final HttpClient client;
    private final String service;
    private final FetchPolicy policy;
    private final RateLimiter limiter;
    private final AddressGuard guard;

    /**
     * @param client  a client that does NOT follow redirects itself (see {@link #newClient})
     * @param service the service's name, for error messages
     * @param policy  deadline, size cap, redirects, user agent
     * @param limiter the service's rate limit, or null for none
     * @param guard   the address guard, or null for trusted configured endpoints
     */
    public Fetcher(HttpClient client, String service, FetchPolicy policy, RateLimiter limiter, AddressGuard guard) {
        this.client = client;
        this.service = service;
        this.policy = policy;
        this.limiter = limiter;
        this.guard = guard;
    }

    /** A client that leaves redirects to the fetcher, so that each target can be checked. */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** The policy this fetcher applies. */
    public FetchPolicy policy() {
        return policy;
    }

    /**
     * GETs JSON, failing on any status but 2xx, on 429 (remembering Retry-After) and on malformed JSON.
     *
     * @param uri     the URL
     * @param headers extra request headers
     * @return the parsed JSON
     * @throws ProviderException with a reason the user can read
     */
    public JsonNode getJson(URI uri, Map<String, String> headers) throws ProviderException {
        Page page = get(uri, headers);
        requireSuccess(page);
        try {
            return FrameCodec.DEFAULT.mapper().readTree(page.text());
        } catch (JacksonException e) {
            throw new ProviderException(service + " answered with malformed JSON", e);
        }
    }

    /**
     * GETs a page, following redirects within the policy; any status is returned.
     *
     * @throws ProviderException when the exchange failed, was refused or took too long
     */
    public Page get(URI uri, Map<String, String> headers) throws ProviderException {
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        waitForPermit(deadline);
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            if (guard != null) {
                guard.check(current);
            }
            Page page = exchange(current, headers, deadline);
            if (page.status() < 300 || page.status() >= 400 || page.status() == 304) {
                return page;
            }
            Optional<String> location = page.headers().firstValue("Location");
            if (location.isEmpty()) {
                return page;
            }
            if (redirects >= policy.maxRedirects()) {
                throw new ProviderException(service + " redirected more than " + policy.maxRedirects() + " times");
            }
            current = redirectTarget(current, location.get());
        }
    }

    /** Where a redirect leads; the Location header is whatever the site wrote, so it may not parse. */
    private URI redirectTarget(URI current, String location) throws ProviderException {
        try {
            return current.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(service + " redirected to an address that is not a valid URL", e);
        }
    }

    private void waitForPermit(long deadline) throws ProviderException {
        if (limiter == null) {
            return;
        }
        Duration wait = limiter.reserve();
        if (wait.isZero()) {
            return;
        }
        if (System.nanoTime() + wait.toNanos() > deadline) {
            limiter.giveBack();
            throw new RateLimitedException("the rate limit for " + service + " is used up; try again in "
                    + Math.max(1, wait.toSeconds()) + " s", wait);
        }
        try {
            // Waiting for our own permit (within the deadline) beats failing a search that is merely early;
            // callers run on virtual threads, so a sleeping call holds no platform thread.
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for the rate limit of " + service, e);
        }
    }

    private Page exchange(URI uri, Map<String, String> headers, long deadline) throws ProviderException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new ProviderException(service + " did not answer within " + policy.timeout().toMillis() + " ms");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", policy.userAgent());
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request.build(), info -> new CappedBody(policy.maxBytes()));
        try {
            HttpResponse<byte[]> response = future.get(remaining, TimeUnit.NANOSECONDS);
            return new Page(response.uri(), response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderException(service + " did not answer within " + policy.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while asking " + service, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                // The request's own timeout and ours race; either way it is the same deadline.
                throw new ProviderException(service + " did not answer within " + policy.timeout().toMillis() + " ms",
                        cause);
            }
            throw new ProviderException(service + " could not be reached: " + cause.getMessage(), cause);
        }
    }

    /**
     * Turns a 429 into {@link RateLimitedException} (pausing the limiter for Retry-After) and any
     * other non-2xx status into a {@link ProviderException}.
     */
    public void requireSuccess(Page page) throws ProviderException {
        if (page.status() == 429) {
            Duration retryAfter = page.headers().firstValue("Retry-After").flatMap(Fetcher::seconds)
                    .orElse(Duration.ofSeconds(30));
            if (limiter != null) {
                limiter.pauseFor(retryAfter);
            }
            throw new RateLimitedException(service + " says too many requests; retry after "
                    + retryAfter.toSeconds() + " s", retryAfter);
        }
        if (page.status() < 200 || page.status() >= 300) {
            throw new ProviderException(service + " answered HTTP " + page.status());
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException e) {
            // An HTTP date instead of seconds: rarer, and 30 s is a polite guess.
            return Optional.empty();
        }
    }

}
