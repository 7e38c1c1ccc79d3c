package dev.roadie.search.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP clients the fetchers use, sharing one small thread pool: one client for the services
 * the configuration names, and one per {@link AddressGuard} that connects only where its guard
 * resolved and checked (see {@link PinnedResolver}). Jetty's client, because it lets the address
 * lookup be replaced per client while keeping the URL's host for TLS and {@code Host};
 * {@code java.net.http} always does its own lookup. None follows redirects, keeps cookies or
 * sends credentials on its own: the {@link Fetcher} checks each redirect target itself.
 */
public final class FetchClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FetchClients.class);

    /** Enough for every provider to be mid-request at once; idle threads go after a minute. */
    private static final int MAX_THREADS = 32;
    /** Sites with long cookie and security headers stay well under this; it still bounds the heap. */
    private static final int MAX_RESPONSE_HEADER_BYTES = 64 * 1024;

    private final Duration connectTimeout;
    private final QueuedThreadPool threads;
    private final ScheduledExecutorScheduler scheduler;
    private final HttpClient trusted;
    private final Map<AddressGuard, HttpClient> guarded = new ConcurrentHashMap<>();

    /** @param connectTimeout how long opening a connection may take */
    public FetchClients(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("roadie-fetch");
        threads.setDaemon(true);
        scheduler = new ScheduledExecutorScheduler("roadie-fetch-timer", true);
        try {
            // Started before any client, so that no client owns them and stops them with itself.
            threads.start();
            scheduler.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the threads that fetch for search: " + e.getMessage(), e);
        }
        trusted = start(new HttpClient(), "roadie-fetch-trusted");
    }

    /** The client for endpoints the hub's own configuration names: no address guard. */
    HttpClient trusted() {
        return trusted;
    }

    /** The client that connects only to addresses this guard resolved and allowed. */
    HttpClient pinnedTo(AddressGuard guard) {
        return guarded.computeIfAbsent(guard, g -> {
            HttpClient client = new HttpClient();
            client.setSocketAddressResolver(new PinnedResolver(g));
            return start(client, "roadie-fetch-guarded");
        });
    }

    private HttpClient start(HttpClient client, String name) {
        client.setName(name);
        client.setExecutor(threads);
        client.setScheduler(scheduler);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null); // each fetcher sends its own
        client.setMaxResponseHeadersSize(MAX_RESPONSE_HEADER_BYTES);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the HTTP client " + name + ": " + e.getMessage(), e);
        }
        return client;
    }

    /** Stops every client and the shared threads; requests still running fail. */
    @Override
    public void close() {
        List<HttpClient> all = new ArrayList<>(guarded.values());
        all.add(trusted);
        for (HttpClient client : all) {
            stop(client, client.getName());
        }
        stop(scheduler, "roadie-fetch-timer");
        stop(threads, "roadie-fetch");
    }

    private static void stop(org.eclipse.jetty.util.component.LifeCycle part, String name) {
        try {
            part.stop();
        } catch (Exception e) {
            LOG.warn("Could not stop {} cleanly: {}", name, e.toString());
        }
    }
}
