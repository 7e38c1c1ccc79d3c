package dev.roadie.search.http;

import dev.roadie.model.wire.FrameCodec;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.RateLimitedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * GETs from one service within its policy: its rate limit, the Retry-After it asked for, a
 * deadline for the whole exchange, a size cap, and (for links users name and nodes clients
 * announce) the address guard on the first URL and on every redirect, enforced at connect time.
 *
 * <p>Failures say what happened in the fetcher's own words ("answered HTTP 500", "could not be
 * reached: the connection was refused"); they name the kind of failure but never carry the remote
 * body or the network's error text, which may be missing ("null") or tell a user more about the
 * hub's network. The detail is the exception's cause, for the hub's log.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    private final HttpClient client;
    private final String service;
    private final FetchPolicy policy;
    private final RateLimiter limiter;
    private final AddressGuard guard;

    /**
     * @param clients the HTTP clients; a guarded fetcher gets one that connects only where its guard allowed
     * @param service the service's name, for error messages
     * @param policy  deadline, size cap, redirects, user agent
     * @param limiter the service's rate limit, or null for none
     * @param guard   the address guard, or null for trusted configured endpoints
     */
    public Fetcher(FetchClients clients, String service, FetchPolicy policy, RateLimiter limiter, AddressGuard guard) {
        this.client = guard == null ? clients.trusted() : clients.pinnedTo(guard);
        this.service = service;
        this.policy = policy;
        this.limiter = limiter;
        this.guard = guard;
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
                // The addresses are checked when the client connects (PinnedResolver), once, on the address used.
                guard.requireFetchable(current);
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
            try {
                current = current.resolve(location.get());
            } catch (IllegalArgumentException e) {
                throw new ProviderException(service + " redirected to something that is not a link", e);
            }
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
            throw timedOut(null);
        }
        Request request = client.newRequest(uri).method(HttpMethod.GET)
                .timeout(remaining, TimeUnit.NANOSECONDS)
                .headers(fields -> {
                    fields.put(HttpHeader.USER_AGENT, policy.userAgent());
                    headers.forEach(fields::put);
                });
        CappedResponse response = new CappedResponse(policy.maxBytes());
        request.send(response);
        try {
            return response.page().get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            request.abort(e);
            throw timedOut(e);
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while asking " + service, e);
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        }
    }

    private ProviderException failure(URI uri, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BlockedAddressException blocked) {
                return new BlockedAddressException(blocked.getMessage(), cause);
            }
            if (t instanceof ProviderException unresolved) {
                return new ProviderException(unresolved.getMessage(), cause); // the guard's: the host does not resolve
            }
            if (t instanceof CappedResponse.TooLarge) {
                return new ProviderException("the answer of " + service + " is larger than " + policy.maxBytes()
                        + " bytes", cause);
            }
            if (t instanceof TimeoutException) {
                // The request's own total timeout and our wait race; either way it is the same deadline.
                return timedOut(cause);
            }
        }
        LOG.debug("Fetching {} from {} failed: {}", uri, service, cause.toString());
        return new ProviderException(service + " could not be reached" + why(uri, cause), cause);
    }

    /**
     * The kind of network failure in our own words (": the connection was refused"), or nothing
     * when it is none we know. The kind is what a reader needs to act on (start the service, fix
     * the name, check the certificate); the network's own text is not (it may be missing, or say
     * more about the hub's network than a search user should learn).
     */
    private static String why(URI uri, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return ": the host " + uri.getHost() + " does not resolve";
            }
            if (t instanceof ConnectException) {
                return ": the connection was refused";
            }
            if (t instanceof NoRouteToHostException) {
                return ": there is no route to its host";
            }
            if (t instanceof SocketTimeoutException) {
                return ": connecting timed out";
            }
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                return ": its TLS certificate is not trusted";
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return ": the secure connection (TLS) could not be set up";
            }
            if (t instanceof EOFException || t instanceof ClosedChannelException
                    || t.getClass().getSimpleName().equals("EofException")) {
                return ": it closed the connection without answering";
            }
        }
        return "";
    }

    private ProviderException timedOut(Throwable cause) {
        return new ProviderException(service + " did not answer within " + policy.timeout().toMillis() + " ms", cause);
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
            throw new HttpStatusException(service + " answered HTTP " + page.status(), page.status());
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
