package dev.roadie.client.internal;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.ConnectionListener;
import dev.roadie.client.ConnectionState;
import dev.roadie.client.DisconnectCause;
import dev.roadie.client.DisconnectReason;
import dev.roadie.client.ExponentialBackoff;
import dev.roadie.client.ReconnectPolicy;
import dev.roadie.client.RoadieException;
import dev.roadie.client.SessionInfo;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import dev.roadie.model.wire.FrameTypes;
import dev.roadie.model.wire.Goodbye;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Ping;
import dev.roadie.model.wire.Welcome;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of the client's link to the hub, in the protocol loop: attempts over every address of
 * every hub URI, the hello and the welcome, heartbeats and dead-link detection, goodbyes, and the
 * delay before the next attempt. Socket callbacks only post work to the loop,
 * which may run it on the socket's own thread; no task there blocks (closing waits outside).
 */
final class Connector implements HubLink.Events, Protocol.Writer {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);
    static final String CLIENT_SOFTWARE = "roadie-java/0.1";
    private static final ReconnectPolicy FALLBACK = new ExponentialBackoff();

    private final ClientOptions options;
    private final ProtocolLoop loop;
    private final Protocol protocol;
    private final Consumer<Runnable> toListener;
    private final StateHolder state;
    private final AttemptPlan plan;

    private HubLink link;
    private boolean welcomed;
    private int failedAttempts;
    /** When an attempt with no welcome in time was given up (0: none lately); its hello may still reach the hub. */
    private long abandonedAtNanos;
    private Goodbye goodbye;
    private String refusal;
    private ProtocolLoop.Timeout connectDeadline;
    private ProtocolLoop.Timeout heartbeat;
    private ProtocolLoop.Timeout reconnect;
    private String sessionId;
    private String epoch;
    private volatile SessionInfo session;
    private long intervalNanos;

    Connector(ClientOptions options, ProtocolLoop loop, Protocol protocol, StateHolder state,
            Consumer<Runnable> toListener) {
        this.options = options;
        this.loop = loop;
        this.protocol = protocol;
        this.state = state;
        this.toListener = toListener;
        this.plan = new AttemptPlan(options.hubs(), options.hostResolver(), options.clientName());
    }

    SessionInfo session() {
        return session;
    }

    @Override
    public boolean sessionOpen() {
        return welcomed && link != null;
    }

    @Override
    public boolean write(String text) {
        return link != null && link.write(text);
    }

    @Override
    public ServiceId identity() {
        SessionInfo current = session;
        return current == null ? null : current.identity();
    }

    private ConnectionListener listener() {
        return options.listener();
    }

    // ---- attempts

    /** Starts an attempt: every address of every hub URI, until one welcomes the client. */
    void beginAttempt() {
        if (state.isTerminal()) {
            return;
        }
        reconnect = null;
        goodbye = null;
        setState(ConnectionState.CONNECTING);
        plan.restart();
        tryNext();
    }

    private void tryNext() {
        AttemptPlan.Target target = plan.next();
        if (target == null) {
            attemptFailed();
            return;
        }
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        HubLink next = new HubLink(target.hub(), target.address(), timeoutMs, this,
                Threads.name(options.clientName(), "io"));
        link = next;
        welcomed = false;
        refusal = null;
        log.debug("[{}] Connecting to {}", options.clientName(), next);
        toListener.accept(() -> listener().connecting(target.hub(), target.address()));
        connectDeadline = loop.schedule(() -> connectTimedOut(next), options.connectTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        next.connect();
    }

    private void connectTimedOut(HubLink timedOut) {
        if (timedOut == link && !welcomed) {
            abandonedAtNanos = System.nanoTime();
            timedOut.abandon(1000, "no welcome in time");
            lost(DisconnectCause.CONNECT_FAILED, 0, "no welcome from " + timedOut + " within "
                    + options.connectTimeout().toMillis() + " ms");
        }
    }

    private void attemptFailed() {
        failedAttempts++;
        String why = plan.lastFailure();
        log.info("[{}] Could not reach the hub ({}); attempt {} failed", options.clientName(), why, failedAttempts);
        DisconnectReason reason = new DisconnectReason(DisconnectCause.CONNECT_FAILED, 0, why);
        toListener.accept(() -> listener().attemptFailed(reason));
        if (sessionId == null && options.maxFailedAttempts() > 0 && failedAttempts >= options.maxFailedAttempts()) {
            giveUp(reason);
            return;
        }
        scheduleReconnect(policyDelay(failedAttempts));
    }

    /** The application asked for a bounded number of attempts, and none reached the hub. */
    private void giveUp(DisconnectReason reason) {
        log.warn("[{}] Could not reach the hub in {} attempt(s); giving up: {}", options.clientName(), failedAttempts,
                reason.message());
        ConnectionState before = state.set(ConnectionState.FAILED, reason);
        toListener.accept(() -> listener().stateChanged(before, ConnectionState.FAILED));
        protocol.end(new RoadieException("could not reach the hub: " + reason.message()));
        toListener.accept(() -> listener().disconnected(reason));
    }

    /** The application's policy, guarded: a policy that throws must not leave the client without a next attempt. */
    private Duration policyDelay(int attempt) {
        try {
            return options.reconnectPolicy().delay(attempt);
        } catch (RuntimeException e) {
            Duration fallback = FALLBACK.delay(attempt);
            log.error("[{}] The reconnect policy failed for attempt {}; waiting {} instead", options.clientName(), attempt,
                    fallback, e);
            return fallback;
        }
    }

    private void scheduleReconnect(Duration delay) {
        Duration wait = delay == null || delay.isNegative() ? Duration.ZERO : delay;
        setState(ConnectionState.DISCONNECTED);
        toListener.accept(() -> listener().reconnecting(wait));
        reconnect = loop.schedule(this::beginAttempt, wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    // ---- link events, posted from the link's IO thread

    @Override
    public void opened(HubLink opened) {
        onTimer(() -> {
            if (opened != link) {
                return;
            }
            Hello.Resume resume = sessionId == null ? null : new Hello.Resume(sessionId, protocol.lastHubSeq());
            ServiceId as = options.identity();
            Hello hello = new Hello(options.token(), as == null ? null : as.kind(), as == null ? null : as.name(), resume,
                    Hello.PROTOCOL_VERSION, CLIENT_SOFTWARE + " " + options.clientName(),
                    options.replaceConnected() ? null : Boolean.FALSE);
            opened.write(FrameCodec.DEFAULT.encode(hello));
        });
    }

    @Override
    public void frame(HubLink from, Frame frame) {
        onTimer(() -> {
            if (from != link) {
                return;
            }
            if (frame instanceof Goodbye bye) {
                goodbye = bye;
                log.info("[{}] The hub said goodbye ({}); coming back in about {} ms", options.clientName(), bye.reason(),
                        bye.reconnectMs());
                from.close(1000, "goodbye");
            } else if (!welcomed) {
                if (frame instanceof Welcome welcome) {
                    welcomed(from, welcome);
                } else if (frame instanceof ErrorFrame error) {
                    refusal = error.code().wire() + ": " + error.message();
                } else {
                    log.debug("[{}] Ignored a {} before the welcome", options.clientName(), FrameTypes.nameOf(frame));
                }
            } else {
                protocol.onFrame(frame);
            }
        });
    }

    @Override
    public void unreadable(HubLink from, FrameException problem) {
        log.warn("[{}] Ignored a frame from {} that does not decode: {} {}", options.clientName(), from,
                problem.code().wire(), problem.getMessage());
    }

    @Override
    public void closed(HubLink from, int code, String reason, boolean remote) {
        onTimer(() -> {
            if (from != link) {
                return;
            }
            DisconnectCause cause = goodbye != null ? DisconnectCause.GOODBYE
                    : welcomed ? DisconnectCause.CLOSED_BY_HUB : DisconnectCause.CONNECT_FAILED;
            String why = refusal != null ? refusal
                    : goodbye != null ? "goodbye (" + goodbye.reason() + "): back in about " + goodbye.reconnectMs() + " ms"
                    : reason == null || reason.isBlank() ? "closed" : reason;
            lost(cause, code, why + " (" + from + ")");
        });
    }

    private void welcomed(HubLink from, Welcome welcome) {
        connectDeadline.cancel();
        welcomed = true;
        failedAttempts = 0;
        plan.succeeded();
        java.util.List<java.net.URI> learned = plan.learn(welcome.hubs());
        if (!learned.isEmpty()) {
            log.info("[{}] The hub named other hubs of its cluster to fail over to: {}", options.clientName(), learned);
        }
        boolean resumed = welcome.resumed() && welcome.session().equals(sessionId);
        String oldEpoch = epoch;
        boolean restarted = oldEpoch != null && !oldEpoch.equals(welcome.epoch());
        sessionId = welcome.session();
        epoch = welcome.epoch();
        long hubInterval = welcome.heartbeatMs() > 0 ? TimeUnit.MILLISECONDS.toNanos(welcome.heartbeatMs()) : Long.MAX_VALUE;
        intervalNanos = Math.min(options.heartbeatInterval().toNanos(), hubInterval);
        SessionInfo info = new SessionInfo(welcome.session(), welcome.epoch(),
                new ServiceId(welcome.you().kind(), welcome.you().name()), welcome.you().scopes(),
                Duration.ofMillis(welcome.heartbeatMs()), resumed, from.hub, from.address);
        session = info;
        int rate = welcome.limits() == null ? 0 : welcome.limits().framesPerSecond();
        int maxFrame = welcome.limits() == null ? 0 : welcome.limits().maxFrameBytes();
        log.info("[{}] {} session {} on {} as {} (epoch {})", options.clientName(), resumed ? "Resumed" : "Opened",
                info.session(), from, info.identity(), info.epoch());
        if (restarted) {
            toListener.accept(() -> listener().hubRestarted(oldEpoch, welcome.epoch()));
        }
        setState(ConnectionState.CONNECTED);
        toListener.accept(() -> {
            if (resumed) {
                listener().resumed(info);
            } else {
                listener().connected(info);
            }
        });
        if (resumed) {
            protocol.resumedSession(welcome.lastSeq(), rate, maxFrame);
        } else {
            protocol.newSession(rate, maxFrame);
        }
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1), intervalNanos / 4));
        heartbeat = loop.scheduleAtFixedRate(() -> beat(from), tick, tick, TimeUnit.NANOSECONDS);
    }

    private void beat(HubLink beating) {
        if (beating != link || !welcomed) {
            return;
        }
        long now = System.nanoTime();
        long silent = now - beating.lastHeardNanos();
        if (silent > intervalNanos * options.heartbeatTolerance()) {
            log.warn("[{}] Nothing heard from {} for {} ms: the link is dead, reconnecting", options.clientName(),
                    beating, TimeUnit.NANOSECONDS.toMillis(silent));
            beating.abandon(1006, "heartbeat missed");
            lost(DisconnectCause.DEAD_LINK, 1006, "nothing heard from " + beating + " for "
                    + TimeUnit.NANOSECONDS.toMillis(silent) + " ms");
        } else if (now - beating.lastSentNanos >= intervalNanos) {
            log.trace("[{}] Ping", options.clientName());
            protocol.writeControl(new Ping(System.currentTimeMillis()));
        }
    }

    /** The current link ended (or never worked): report it and decide what comes next. */
    private void lost(DisconnectCause cause, int code, String message) {
        HubLink old = link;
        boolean wasWelcomed = welcomed;
        link = null;
        welcomed = false;
        cancel(connectDeadline);
        cancel(heartbeat);
        protocol.linkDown();
        if (old != null) {
            old.abandon(1000, "gone");
        }
        if (state.isTerminal()) {
            return;
        }
        if (code == CloseCode.REPLACED.code() && replacedByOwnLateHello()) {
            log.info("[{}] Replaced, most likely by the late hello of an attempt given up before; connecting again",
                    options.clientName());
        } else if (code == CloseCode.UNAUTHORIZED.code() || code == CloseCode.REPLACED.code()
                || code == CloseCode.IDENTITY_IN_USE.code()) {
            fail(new DisconnectReason(DisconnectCause.REFUSED, code, message));
            return;
        }
        plan.failed(message);
        state.problem(message);
        if (wasWelcomed) {
            DisconnectReason reason = new DisconnectReason(cause, code, message);
            log.info("[{}] Disconnected: {}", options.clientName(), reason);
            toListener.accept(() -> listener().disconnected(reason));
        } else {
            log.debug("[{}] Connection attempt failed: {}", options.clientName(), message);
        }
        if (goodbye != null) {
            long ms = Math.max(0, goodbye.reconnectMs());
            long jitter = ThreadLocalRandom.current().nextLong(Math.max(100, Math.min(1_000, ms / 10)) + 1);
            failedAttempts = wasWelcomed ? 0 : failedAttempts + 1;
            scheduleReconnect(Duration.ofMillis(ms + jitter));
        } else if (code == CloseCode.TRY_LATER.code()) {
            // Too busy: the hub asks everyone to come back later, not to try the next address at once.
            failedAttempts++;
            scheduleReconnect(policyDelay(failedAttempts));
        } else if (wasWelcomed) {
            failedAttempts = 0;
            scheduleReconnect(policyDelay(0));
        } else {
            tryNext();
        }
    }

    /** The hub refused this client for good: stop, fail what waits, and tell the application. */
    /**
     * A 4010 means another connection took over this identity, and the client stops so that two
     * clients with one identity do not take turns forever. But a hello this client gave up on (no
     * welcome in time) may reach a slow hub after the next attempt's, and replace it: that once,
     * within two connect timeouts of giving up, the client connects again instead.
     */
    private boolean replacedByOwnLateHello() {
        boolean late = abandonedAtNanos != 0
                && System.nanoTime() - abandonedAtNanos < 2 * options.connectTimeout().toNanos();
        abandonedAtNanos = 0;
        return late;
    }

    private void fail(DisconnectReason reason) {
        log.error("[{}] The hub refused this client, which stops: {}. Fix the token or identity and create a new client",
                options.clientName(), reason);
        ConnectionState before = state.set(ConnectionState.FAILED, reason);
        toListener.accept(() -> listener().stateChanged(before, ConnectionState.FAILED));
        protocol.end(new RoadieException("the hub refused this client: " + reason.message()));
        toListener.accept(() -> listener().disconnected(reason));
    }

    /** How long a closing client waits for the hub to confirm the close. */
    static final java.time.Duration CLOSE_BOUND = java.time.Duration.ofSeconds(1);

    /** Closes the link on the application's request. */
    /**
     * Ends everything for good and returns the link to close, or null. The caller closes it
     * outside the loop: closing waits for the hub's answer, which the socket's own thread reads,
     * and a loop task may be running on that very thread.
     */
    HubLink close() {
        cancel(reconnect);
        protocol.end(new RoadieException("the client was closed before this was done"));
        HubLink old = link;
        link = null;
        welcomed = false;
        cancel(connectDeadline);
        cancel(heartbeat);
        DisconnectReason reason = new DisconnectReason(DisconnectCause.CLOSED_BY_CLIENT, 1000, "closed by the application");
        ConnectionState before = state.set(ConnectionState.CLOSED, reason);
        if (before != ConnectionState.CLOSED) {
            toListener.accept(() -> listener().stateChanged(before, ConnectionState.CLOSED));
            if (before == ConnectionState.CONNECTED) {
                toListener.accept(() -> listener().disconnected(reason));
            }
        }
        return old;
    }

    private void setState(ConnectionState next) {
        ConnectionState before = state.set(next, null);
        if (before != next) {
            toListener.accept(() -> listener().stateChanged(before, next));
        }
    }

    private static void cancel(ProtocolLoop.Timeout task) {
        if (task != null) {
            task.cancel();
        }
    }

    private void onTimer(Runnable task) {
        protocol.onTimer(task);
    }

    URI currentHub() {
        HubLink current = link;
        return current == null ? null : current.hub;
    }
}
