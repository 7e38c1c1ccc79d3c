package dev.roadie.client;

import dev.roadie.client.internal.ClientCore;
import dev.roadie.client.internal.SearchParts;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.search.HubRequests;
import dev.roadie.model.search.ResolveAnswer;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.search.SearchPart;
import dev.roadie.model.search.SearchRequest;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Request;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A client of the Roadie hub: one WebSocket that stays up. Create it with {@link #create(ClientOptions)};
 * it connects in the background, and from then on it never gives up silently:
 * <ul>
 *   <li>a link that goes quiet (no frame for heartbeat interval × tolerance, even with no close
 *       and no packet) is closed and replaced;</li>
 *   <li>every attempt resolves the hub's host name again and tries each address, then the next
 *       hub URI, with jittered exponential backoff between attempts (or the delay a hub's goodbye asks for);</li>
 *   <li>every frame stays in the outbox until the hub confirms it, and goes out again after a
 *       reconnect; a resumed session loses nothing, a new one (after a hub restart) gets the
 *       client's subscriptions and services again, and the listener hears about it;</li>
 *   <li>only a hub that refuses the client for good (bad token, identity taken over) stops it:
 *       the state becomes {@link ConnectionState#FAILED} and the listener is told why.</li>
 * </ul>
 * <p>Threads: one timer thread ({@code roadie-client-NAME-timer}) runs heartbeats, reconnects
 * and deadlines; one event thread ({@code roadie-client-NAME-events}) runs message handlers,
 * listeners and the callbacks of returned futures, in order; request handlers run beside it on
 * request threads ({@code roadie-client-NAME-request-N}, at most
 * {@link ClientOptions#requestConcurrency()} at once), so that a slow one does not hold back the
 * rest; the socket's reader is {@code roadie-client-NAME-io}.
 * The protocol's own work (numbering, writing, acknowledging) runs on whichever of these threads, or
 * the caller's, has it to do, one piece at a time and never blocking: a send is written from the
 * caller's thread when nothing else is being done. Application code never runs on the socket's
 * or the timer's thread. Every method is thread-safe.
 * <p>Bodies are any value the protocol's codec ({@link FrameCodec}) writes: records, {@link JsonNode}s,
 * strings, numbers, maps.
 * <p>DNS: unless {@link ClientOptions.Builder#disableJvmDnsCache(boolean)} says otherwise, the
 * first client sets the security property {@code networkaddress.cache.ttl} to {@code 0}, so
 * that the JVM does not keep a hub's old address for 30 s; the property only works when set
 * before the JVM's first lookup.
 */
public final class RoadieClient implements AutoCloseable {
    private final ClientOptions options;
    private final ClientCore core;
    private final SearchParts searchParts;

    private RoadieClient(ClientOptions options) {
        this.options = options;
        this.core = new ClientCore(options);
        this.searchParts = new SearchParts(core);
    }

    /**
     * Creates a client and starts connecting in the background; returns at once. Use
     * {@link #awaitConnected(Duration)} to wait for the first welcome; sends made before it wait in the outbox.
     */
    public static RoadieClient create(ClientOptions options) {
        RoadieClient client = new RoadieClient(Objects.requireNonNull(options, "options"));
        client.core.start();
        return client;
    }

    /** The options the client was created with. */
    public ClientOptions options() {
        return options;
    }

    /** The connection state now. */
    public ConnectionState state() {
        return core.state();
    }

    /** The current session while connected. */
    public Optional<SessionInfo> session() {
        return core.session();
    }

    /**
     * Waits until the client is connected.
     *
     * @throws RoadieException when not connected in time (the message gives the last problem),
     *                         or when the client failed or was closed
     */
    public void awaitConnected(Duration timeout) {
        try {
            core.awaitConnected(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoadieException("interrupted while waiting for the hub", e);
        }
    }

    /**
     * Sends a one-way message. The future completes when the hub processed it (routed it, or
     * found nobody to route it to) and fails with a {@link RoadieException} carrying the hub's
     * error code when the hub refused it (a missing scope, for example).
     *
     * @throws OutboxFullException at once when too many frames wait for the hub's confirmation
     * @throws RoadieException     when the client is closed or failed
     */
    public CompletableFuture<Void> send(Address to, String subject, Object body) {
        return core.send(new Message(0, core.newId(), null, to, subject, tree(body), false));
    }

    /**
     * Sends a durable message: the hub stores it before confirming it and delivers it again
     * after a restart until the receiver acknowledged it. Receivers may see it twice; this SDK
     * drops the duplicate.
     *
     * @throws OutboxFullException at once when too many frames wait for the hub's confirmation
     */
    public CompletableFuture<Void> sendDurable(Address to, String subject, Object body) {
        return core.send(new Message(0, core.newId(), null, to, subject, tree(body), true));
    }

    /** Sends a request with the default timeout ({@link ClientOptions#requestTimeout()}). */
    public CompletableFuture<Reply> request(Address to, String subject, Object body) {
        return request(to, subject, body, options.requestTimeout());
    }

    /**
     * Sends a request to one receiver ({@code service:KIND/NAME} or {@code one:KIND}). The
     * future completes with the {@link Reply} in every normal case, including timeout, gone,
     * no-route and no-handler; it fails only when the hub refused the request ({@link RoadieException}
     * with the error code) or the client was closed.
     *
     * @throws IllegalArgumentException for an address that names many receivers: use {@link #gather}
     */
    public CompletableFuture<Reply> request(Address to, String subject, Object body, Duration timeout) {
        Objects.requireNonNull(to, "to");
        if (to.isMany()) {
            throw new IllegalArgumentException("a request goes to one receiver (service:KIND/NAME or one:KIND), not "
                    + to.text() + ": use gather(...) to ask every receiver");
        }
        return core.request(new Request(0, core.newId(), null, to, subject, tree(body), millis(timeout)));
    }

    /** {@link #request(Address, String, Object)}, waiting for the reply. Safe to call from a handler. */
    public Reply requestBlocking(Address to, String subject, Object body) {
        return await(request(to, subject, body));
    }

    /** {@link #request(Address, String, Object, Duration)}, waiting for the reply. Safe to call from a handler. */
    public Reply requestBlocking(Address to, String subject, Object body, Duration timeout) {
        return await(request(to, subject, body, timeout));
    }

    /**
     * Asks every receiver of an address at once and gets one result with an outcome per receiver.
     *
     * @param mode   when the hub answers: {@link GatherMode#ALL}, {@link GatherMode#FIRST} ok answer, or {@link GatherMode#QUORUM}
     * @param quorum for QUORUM, how many ok answers are enough (at least 1); ignored otherwise
     */
    public CompletableFuture<GatherResult> gather(Address to, String subject, Object body, Duration timeout,
            GatherMode mode, int quorum) {
        GatherMode chosen = mode == null ? GatherMode.ALL : mode;
        return core.gather(new Gather(0, core.newId(), to, subject, tree(body), millis(timeout), chosen,
                chosen == GatherMode.QUORUM ? quorum : 0));
    }

    /** {@link #gather}, waiting for the result. Safe to call from a handler. */
    public GatherResult gatherBlocking(Address to, String subject, Object body, Duration timeout, GatherMode mode,
            int quorum) {
        return await(gather(to, subject, body, timeout, mode, quorum));
    }

    /**
     * Searches music through the hub's providers, as {@code GET /api/search} does, over this
     * client's connection (a request to {@code hub}, subject {@code search}; the token needs the
     * scope {@code search}). The deadline is {@link ClientOptions#requestTimeout()}.
     *
     * <p>The future completes with the merged answer, which says {@link SearchAnswer#allFailed()}
     * when no provider could answer. It fails with a {@link RequestFailedException} whose code is
     * the hub's: {@code forbidden} without the scope, {@code invalid-frame} for bad parameters (an
     * unknown provider, a limit out of range), {@code limit-reached} over the pending-request
     * quota, {@code timeout} past the deadline. Its callbacks run on the event thread: inside a
     * handler, chain on it ({@code thenAccept}) rather than wait for it.
     */
    public CompletableFuture<SearchAnswer> search(SearchRequest search) {
        Objects.requireNonNull(search, "search");
        return request(Address.hub(), HubRequests.SEARCH, search.streamed(false))
                .thenApply(reply -> reply.as(SearchAnswer.class));
    }

    /**
     * {@link #search(SearchRequest)}, streamed: {@code onPart} gets each provider's answer as it
     * comes, on the event thread, all of them before the returned future completes with the
     * merged answer (as the events of {@code /api/search/stream}).
     */
    public CompletableFuture<SearchAnswer> searchStreaming(SearchRequest search, Consumer<SearchPart> onPart) {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(onPart, "onPart");
        String id = core.newId();
        searchParts.start(id, onPart);
        CompletableFuture<Reply> reply;
        try {
            reply = core.request(new Request(0, id, null, Address.hub(), HubRequests.SEARCH,
                    tree(search.streamed(true)), millis(options.requestTimeout())));
        } catch (RuntimeException e) {
            searchParts.end(id);
            throw e;
        }
        return reply.whenComplete((answer, failure) -> searchParts.end(id))
                .thenApply(answer -> answer.as(SearchAnswer.class));
    }

    /**
     * Resolves a link (a YouTube, SoundCloud, Spotify or any page's address) to what it plays, as
     * {@code GET /api/resolve} does, over this client's connection (scope {@code search}). The
     * future fails with a {@link RequestFailedException}: {@code not-found} when the page names
     * nothing to play, {@code invalid-frame} for text that is not a link, {@code forbidden} for an
     * address the hub's rules refuse (or without the scope), {@code upstream-failed} when the site failed.
     */
    public CompletableFuture<ResolveAnswer> resolve(String link) {
        Objects.requireNonNull(link, "link");
        return request(Address.hub(), HubRequests.RESOLVE, java.util.Map.of("url", link))
                .thenApply(reply -> reply.as(ResolveAnswer.class));
    }

    /**
     * Subscribes to a topic: {@code handler} gets every message sent to {@code topic:TOPIC}. Several
     * handlers may share a topic. The subscription is made again by itself after a hub restart.
     *
     * @return the subscription; {@link Subscription#ready()} tells when the hub confirmed it
     */
    public Subscription subscribe(String topic, MessageHandler handler) {
        return core.subscribe(topic, Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Handles messages of {@code subject} sent to this client directly (to its service, its
     * kind or everyone), as opposed to a topic. One handler per subject.
     *
     * @throws IllegalStateException when the subject has a handler already
     */
    public Subscription receive(String subject, MessageHandler handler) {
        return core.receive(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Answers requests of {@code subject} with {@code handler}. Requests of a subject without a
     * handler are answered {@code no-handler} by the client itself. One handler per subject.
     *
     * @throws IllegalStateException when the subject has a handler already
     */
    public Subscription handle(String subject, RequestHandler handler) {
        return core.handle(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Announces a service in the hub's registry (needs scope {@code announce:KIND}, or an
     * {@code announce:KIND/NAME} pattern that matches it). The client announces it again, with its
     * latest stats and state, in every new session. The future fails when the hub refuses: for
     * one, when the service belongs to another token whose lease still runs, or the descriptor is
     * over the hub's limits; the error says which.
     */
    public CompletableFuture<Void> announce(ServiceDescriptor service) {
        return core.announce(Objects.requireNonNull(service, "service"));
    }

    /** Reports new load figures for a service this client announced. */
    public CompletableFuture<Void> updateStats(ServiceId service, NodeStats stats) {
        return core.stats(Objects.requireNonNull(service, "service"), Objects.requireNonNull(stats, "stats"));
    }

    /** Marks an announced service draining: alive, but it should get no new work. */
    public CompletableFuture<Void> drain(ServiceId service) {
        return core.state(Objects.requireNonNull(service, "service"), ServiceState.DRAINING);
    }

    /** Marks an announced service retired: taken out of service on purpose. */
    public CompletableFuture<Void> retire(ServiceId service) {
        return core.state(Objects.requireNonNull(service, "service"), ServiceState.RETIRED);
    }

    /** Marks an announced service up again after {@link #drain(ServiceId)}. */
    public CompletableFuture<Void> markUp(ServiceId service) {
        return core.state(Objects.requireNonNull(service, "service"), ServiceState.UP);
    }

    /**
     * The live view of the registry's audio nodes. The first call subscribes to topic
     * {@code registry} (scope {@code registry} needed); later calls return the same view.
     */
    public NodeDirectory nodeDirectory() {
        return core.nodeDirectory();
    }

    /**
     * Closes the link and stops the client's threads. Frames the hub had not confirmed and
     * requests without an answer fail with a {@link RoadieException}. Closing twice does nothing.
     */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "RoadieClient[" + options.clientName() + ", " + state() + "]";
    }

    private static JsonNode tree(Object body) {
        if (body == null || body instanceof JsonNode) {
            return (JsonNode) body;
        }
        return FrameCodec.DEFAULT.toTree(body);
    }

    private static long millis(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + " must be positive");
        }
        return Math.max(1, timeout.toMillis());
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RoadieException("the call failed", cause);
        } catch (CancellationException e) {
            throw new RoadieException("the call was cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoadieException("interrupted while waiting for the hub", e);
        }
    }
}
