package dev.roadie.client.internal;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.ConnectionState;
import dev.roadie.client.DisconnectCause;
import dev.roadie.client.DisconnectReason;
import dev.roadie.client.GatherResult;
import dev.roadie.client.MessageHandler;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.Reply;
import dev.roadie.client.RequestHandler;
import dev.roadie.client.RoadieException;
import dev.roadie.client.SessionInfo;
import dev.roadie.client.Subscription;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.Names;
import dev.roadie.model.wire.Numbered;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.StateChange;
import dev.roadie.model.wire.Stats;
import dev.roadie.model.wire.Subscribe;
import dev.roadie.model.wire.Unsubscribe;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery behind {@code RoadieClient}: its two threads, the outbox and the handlers.
 * Calls from the application are checked in the caller's thread (so that bad input and a full
 * outbox fail at once) and then carried out in the {@link ProtocolLoop}, which alone touches the
 * protocol's state. Not part of the API.
 */
public final class ClientCore {
    private static final Logger log = LoggerFactory.getLogger(ClientCore.class);

    private final ClientOptions options;
    private final GuardedTimer timer;
    private final ProtocolLoop loop;
    private final EventThread events;
    private final RequestRunner requests;
    private final Registrations handlers = new Registrations();
    private final Ids ids = new Ids();
    private final Outbox outbox;
    private final Protocol protocol;
    private final StateHolder state = new StateHolder();
    private final Connector connector;
    private final AtomicBoolean closed = new AtomicBoolean();
    private RegistryView directory;

    /** Sets the client up; {@link #start()} begins connecting. */
    public ClientCore(ClientOptions options) {
        this.options = options;
        if (options.disableJvmDnsCache()) {
            DnsCache.disable();
        }
        this.timer = new GuardedTimer(options.clientName());
        this.loop = new ProtocolLoop(options.clientName(), timer);
        this.events = new EventThread(options.clientName());
        this.requests = new RequestRunner(options.clientName(), options.requestConcurrency());
        this.outbox = new Outbox(options.outboxFrameLimit(), options.outboxByteLimit());
        this.protocol = new Protocol(options.clientName(), outbox, ids, loop, events, handlers, requests);
        this.connector = new Connector(options, loop, protocol, state, this::toListener);
        protocol.writer(connector);
    }

    /** Begins connecting in the background. */
    public void start() {
        onTimer(connector::beginAttempt);
    }

    /** The connection state now. */
    public ConnectionState state() {
        return state.get();
    }

    /** The current session while connected. */
    public Optional<SessionInfo> session() {
        return state.get() == ConnectionState.CONNECTED ? Optional.ofNullable(connector.session()) : Optional.empty();
    }

    /** Waits until connected; throws a {@link RoadieException} with the last problem otherwise. */
    public void awaitConnected(Duration timeout) throws InterruptedException {
        state.awaitConnected(timeout);
    }

    /** A new frame id. */
    public String newId() {
        return ids.next();
    }

    /** Sends a numbered frame of the application's; the future completes when the hub acknowledged it. */
    public CompletableFuture<Void> send(Numbered template) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        OutgoingFrame frame = OutgoingFrame.counted(template, Outcome.of(done));
        submit(frame, () -> protocol.enqueue(frame));
        return EventFuture.relay(done, events);
    }

    /** Sends a request; the future completes with its reply, the hub's or the client's own. */
    public CompletableFuture<Reply> request(Request template) {
        PendingCall<Reply> call = new PendingCall<>(template.id(), template.timeoutMs(),
                (status, problem) -> new Reply(null, status, null, problem));
        OutgoingFrame frame = OutgoingFrame.counted(template, Calls.outcome(call, protocol.calls));
        submit(frame, () -> protocol.calls.startRequest(call, frame));
        return EventFuture.relay(call.future, events);
    }

    /** Sends a gather; the future completes with its result. */
    public CompletableFuture<GatherResult> gather(Gather template) {
        PendingCall<GatherResult> call = new PendingCall<>(template.id(), template.timeoutMs(), null);
        OutgoingFrame frame = OutgoingFrame.counted(template, Calls.outcome(call, protocol.calls));
        submit(frame, () -> protocol.calls.startGather(call, frame));
        return EventFuture.relay(call.future, events);
    }

    /** Adds a topic handler, subscribing to the topic when it is the first. */
    public Subscription subscribe(String topic, MessageHandler handler) {
        Names.requireTopic(topic, "topic");
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        Handle<MessageHandler> handle = new Handle<>(topic, handler, EventFuture.relay(confirmed, events),
                closing -> onTimer(() -> unsubscribe(closing)));
        requireOpen();
        onTimer(() -> {
            handlers.addTopic(handle);
            RestoreState.Topic known = protocol.restore.topic(topic);
            if (known == null) {
                RestoreState.Topic added = protocol.restore.addTopic(topic);
                protocol.enqueue(OutgoingFrame.internal(new Subscribe(0, ids.next(), topic), new Outcome() {
                    @Override
                    public void acked() {
                        added.confirmed.complete(null);
                    }

                    @Override
                    public void refused(RoadieException reason) {
                        log.warn("[{}] The hub refused the subscription to {}: {}", options.clientName(), topic,
                                reason.getMessage());
                        protocol.restore.removeTopic(topic);
                        handlers.dropTopic(topic);
                        added.confirmed.completeExceptionally(reason);
                    }
                }));
                known = added;
            }
            known.handlers++;
            known.confirmed.whenComplete((ok, failure) -> complete(confirmed, failure));
        });
        return handle;
    }

    private void unsubscribe(Handle<MessageHandler> handle) {
        handlers.removeTopic(handle);
        RestoreState.Topic known = protocol.restore.topic(handle.name);
        if (known != null && --known.handlers <= 0) {
            protocol.restore.removeTopic(handle.name);
            protocol.enqueue(OutgoingFrame.internal(new Unsubscribe(0, ids.next(), handle.name), Outcome.NONE));
        }
    }

    /** Adds the handler of direct messages of a subject. */
    public Subscription receive(String subject, MessageHandler handler) {
        Handle<MessageHandler> handle = new Handle<>(subject, handler, CompletableFuture.completedFuture(null),
                handlers::removeDirect);
        handlers.addDirect(handle);
        return handle;
    }

    /** Adds the handler of requests of a subject. */
    public Subscription handle(String subject, RequestHandler handler) {
        Handle<RequestHandler> handle = new Handle<>(subject, handler, CompletableFuture.completedFuture(null),
                handlers::removeRequest);
        handlers.addRequest(handle);
        return handle;
    }

    /** Announces a service and remembers it for new sessions. */
    public CompletableFuture<Void> announce(ServiceDescriptor descriptor) {
        return sendRemembered(new Announce(0, ids.next(), descriptor), descriptor.id(),
                () -> protocol.restore.announce(descriptor));
    }

    /** Reports a service's stats and remembers them for new sessions. */
    public CompletableFuture<Void> stats(ServiceId service, NodeStats stats) {
        return sendRemembered(new Stats(0, ids.next(), service, stats), service, () -> {
            RestoreState.Service known = protocol.restore.service(service);
            if (known != null) {
                known.stats = stats;
            }
        });
    }

    /** Changes a service's state and remembers it for new sessions. */
    public CompletableFuture<Void> state(ServiceId service, ServiceState next) {
        return sendRemembered(new StateChange(0, ids.next(), service, next), service, () -> {
            RestoreState.Service known = protocol.restore.service(service);
            if (known != null) {
                known.state = next;
            }
        });
    }

    /** Sends a registry frame and remembers its effect, to repeat it in a new session. */
    private CompletableFuture<Void> sendRemembered(Numbered template, ServiceId service, Runnable remember) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        OutgoingFrame frame = OutgoingFrame.counted(template, new Outcome() {
            @Override
            public void acked() {
                done.complete(null);
            }

            @Override
            public void refused(RoadieException reason) {
                if (template instanceof Announce) {
                    // A refused announcement must not be repeated in every new session.
                    protocol.restore.forget(service);
                }
                done.completeExceptionally(reason);
            }
        });
        submit(frame, () -> {
            remember.run();
            protocol.enqueue(frame);
        });
        return EventFuture.relay(done, events);
    }

    /** The node directory, created (and subscribed) on first use. */
    public synchronized NodeDirectory nodeDirectory() {
        if (directory == null) {
            directory = new RegistryView(options.clientName());
            directory.start(this);
        }
        return directory;
    }

    /** Closes the link, fails what waits, and stops both threads. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<HubLink> done = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                HubLink open = null;
                try {
                    open = connector.close();
                } finally {
                    done.complete(open);
                }
            });
            HubLink last = done.get(5, TimeUnit.SECONDS);
            if (last != null) {
                last.closeGracefully(1000, "client closed", Connector.CLOSE_BOUND);
            }
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            log.warn("[{}] Closing did not finish cleanly: {}", options.clientName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdown();
        events.executor().shutdown();
        requests.executor().shutdown();
        try {
            if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
            // A handler that closes its own client must not wait for itself.
            if (!events.isCurrent() && !events.executor().awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("[{}] A handler is still running 2 s after close", options.clientName());
                events.executor().shutdownNow();
            }
            if (!requests.isCurrent() && !requests.executor().awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("[{}] A request handler is still running 2 s after close", options.clientName());
                requests.executor().shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.debug("[{}] Closed", options.clientName());
    }

    private void submit(OutgoingFrame frame, Runnable onTimer) {
        requireOpen();
        outbox.reserve(frame);
        try {
            loop.execute(() -> {
                if (state.get() == ConnectionState.FAILED) {
                    // It failed between the check above and now, on this thread: the protocol has
                    // ended and refused what it held, and would never send or refuse this frame.
                    outbox.unreserve(frame);
                    frame.outcome.refused(failure());
                } else {
                    onTimer.run();
                }
            });
        } catch (RejectedExecutionException e) {
            outbox.unreserve(frame);
            throw new RoadieException("the client is closed");
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new RoadieException("the client is closed");
        }
        if (state.get() == ConnectionState.FAILED) {
            throw failure();
        }
    }

    /** Why a FAILED client does nothing more. */
    private RoadieException failure() {
        DisconnectReason why = state.ending();
        return new RoadieException(why != null && why.cause() == DisconnectCause.CONNECT_FAILED
                ? "could not reach the hub: " + why.message()
                : "the client stopped: the hub refused it; create a new client");
    }

    private void onTimer(Runnable task) {
        protocol.onTimer(task);
    }

    private void toListener(Runnable call) {
        protocol.onEvents(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                log.warn("[{}] The connection listener failed", options.clientName(), e);
            }
        });
    }

    private static void complete(CompletableFuture<Void> future, Throwable failure) {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(null);
        }
    }
}
