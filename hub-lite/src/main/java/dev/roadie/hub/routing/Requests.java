package dev.roadie.hub.routing;

import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.metrics.HubMetrics;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.Problem;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Requests and gathers in flight. Each delivered request gets a hub id of its own, so that
 * clients' ids never collide and a receiver can only answer what it was asked; the reply is
 * relayed with the requester's id. Every call ends exactly once: by a reply, at its deadline,
 * as {@code gone} when its receiver's session ends, or when the hub stops.
 *
 * <p>What a client may have in flight is bounded ({@code quotas.pendingRequests*},
 * {@code quotas.gathers*}), per session and per token: each call holds a timer and each gather
 * the replies it collects.
 */
public final class Requests {
    private static final Logger log = LoggerFactory.getLogger(Requests.class);

    private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
    /** The hub ids of the calls waiting on each receiving session, so that its end finds them at once. */
    private final Map<ClientSession, Set<String>> byReceiver = new ConcurrentHashMap<>();
    /** What ends with each requesting session: the requests the hub answers itself (a search) stop waiting. */
    private final Map<ClientSession, Set<Runnable>> endingWith = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final HubMetrics metrics;
    private final long maxGatherBytes;
    private final InFlight requestsInFlight;
    private final InFlight gathersInFlight;
    private final Elsewhere elsewhere;
    private volatile boolean closed;

    /** The calls of a hub on its own. */
    public Requests(ScheduledExecutorService timer, HubMetrics metrics, HubConfig.Quotas quotas) {
        this(timer, metrics, quotas, Elsewhere.NONE);
    }

    /** The calls of a hub in a cluster, which asks receivers on other hubs through {@code elsewhere}. */
    public Requests(ScheduledExecutorService timer, HubMetrics metrics, HubConfig.Quotas quotas, Elsewhere elsewhere) {
        this.elsewhere = elsewhere;
        this.timer = timer;
        this.metrics = metrics;
        this.maxGatherBytes = quotas.maxGatherBytes();
        this.requestsInFlight = new InFlight("requests", quotas.pendingRequestsPerSession(),
                "quotas.pendingRequestsPerSession", quotas.pendingRequestsPerToken(), "quotas.pendingRequestsPerToken");
        this.gathersInFlight = new InFlight("gathers", quotas.gathersPerSession(), "quotas.gathersPerSession",
                quotas.gathersPerToken(), "quotas.gathersPerToken");
    }

    /**
     * Sends {@code request} to {@code receiver} and answers {@code answer} once with a reply
     * whose {@code re} is the request's own id.
     *
     * @throws QuotaExceededException when the requester has as many requests waiting as it may; nothing was sent
     */
    public void request(Request request, Requester requester, Receiver receiver, long timeoutMs,
            Consumer<Reply> answer) {
        Runnable release = requestsInFlight.take(requester);
        String requesterId = request.id();
        Consumer<Outcome> completion = outcome -> {
            release.run();
            metrics.requestDone(outcome.status().wire(), outcome.millis() / 1000.0);
            answer.accept(new Reply(0, null, requesterId, outcome.receiver().service(), outcome.status(),
                    outcome.body(), outcome.error()));
        };
        try {
            send(request, requester, receiver, timeoutMs, completion);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /**
     * Counts a request the hub answers itself (a search over the socket) against the requester's
     * pending requests, as a relayed one; returns what gives the place back, once.
     *
     * @throws QuotaExceededException when the requester has as many requests waiting as it may
     */
    public Runnable holdSlot(Requester requester) {
        return requestsInFlight.take(requester);
    }

    /**
     * Runs {@code onEnd} when {@code session} ends for good (at once when it has already), so
     * that a request the hub answers itself gives its place in the quota back then rather than
     * at its deadline; {@code onEnd} may run more than once. Returns what forgets it, for a
     * request answered first.
     */
    public Runnable whenEnded(ClientSession session, Runnable onEnd) {
        endingWith.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet()).add(onEnd);
        Runnable forget = () -> endingWith.computeIfPresent(session, (s, hooks) -> {
            hooks.remove(onEnd);
            return hooks.isEmpty() ? null : hooks;
        });
        if (session.isEnded()) {
            // It ended between the request and now, perhaps after sessionEnded looked.
            forget.run();
            onEnd.run();
        }
        return forget;
    }

    /**
     * Sends one request per receiver and answers {@code answer} once with the gathered result.
     *
     * @throws QuotaExceededException when the requester has as many gathers waiting as it may; nothing was sent
     */
    public void gather(Gather gather, Requester requester, List<Receiver> receivers, long timeoutMs,
            Consumer<GatherResult> answer) {
        Runnable release = gathersInFlight.take(requester);
        Gathering gathering = new Gathering(gather.id(), gather.mode(), gather.quorum(), receivers, maxGatherBytes,
                result -> {
                    release.run();
                    metrics.gatherDone(result.complete());
                    result.results().forEach(r -> metrics.gatherReceiver(r.status().wire()));
                    answer.accept(result);
                });
        List<PendingCall> calls = new ArrayList<>();
        Consumer<Outcome> completion = outcome -> {
            if (gathering.settle(outcome, sizeOf(outcome))) {
                // The mode is satisfied: stop waiting for the others.
                synchronized (calls) {
                    calls.forEach(call -> forget(call.hubId));
                }
            }
        };
        try {
            if (gathering.answerIfSatisfied()) {
                // Nobody to ask, or a quorum out of reach from the start: asking anyone would be wasted.
                return;
            }
            Request asRequest = new Request(0, gather.id(), null, gather.to(), gather.subject(), gather.body(),
                    timeoutMs);
            synchronized (calls) {
                for (Receiver receiver : receivers) {
                    if (gathering.isAnswered()) {
                        break;
                    }
                    calls.add(send(asRequest, requester, receiver, timeoutMs, completion));
                }
            }
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    private PendingCall send(Request request, Requester requester, Receiver receiver, long timeoutMs,
            Consumer<Outcome> completion) {
        String hubId = "h" + Long.toString(ids.incrementAndGet(), 36);
        if (receiver.isElsewhere()) {
            // The receiving hub lists the call under this id beside its own: the suffix keeps them apart.
            hubId += "-" + elsewhere.self();
        }
        return track(hubId, request.deliveredAs(hubId, requester.identity(),
                new Address.Instance(receiver.service()), timeoutMs), receiver, timeoutMs, completion);
    }

    /**
     * Lists a call under {@code hubId}, starts its deadline and hands {@code delivered} to its
     * receiver: its session here, or the hub that serves it.
     */
    private PendingCall track(String hubId, Request delivered, Receiver receiver, long timeoutMs,
            Consumer<Outcome> completion) {
        PendingCall call = new PendingCall(hubId, receiver, System.nanoTime(), completion);
        pending.put(hubId, call);
        if (!receiver.isElsewhere()) {
            byReceiver.computeIfAbsent(receiver.session(), s -> ConcurrentHashMap.newKeySet()).add(hubId);
        }
        if (closed) {
            // Checked after the call is listed: close() either ended it or set this flag first.
            finish(hubId, ReplyStatus.GONE, null, stopping());
            return call;
        }
        call.deadline = timer.schedule(() -> finish(hubId, ReplyStatus.TIMEOUT, null,
                new Problem(ReplyStatus.TIMEOUT.wire(), "no reply within " + timeoutMs + " ms")),
                timeoutMs, TimeUnit.MILLISECONDS);
        if (receiver.isElsewhere()) {
            try {
                elsewhere.ask(receiver.hub(), receiver.service(), delivered, timeoutMs);
            } catch (ElsewhereUnavailableException e) {
                finish(hubId, ReplyStatus.GONE, null, new Problem(ErrorCode.UPSTREAM_FAILED.wire(), e.getMessage()));
            }
            return call;
        }
        receiver.session().deliver(delivered);
        if (receiver.session().isEnded()) {
            // It closed between routing and delivery; its end-of-session sweep may already have run.
            finish(hubId, ReplyStatus.GONE, null, new Problem(ReplyStatus.GONE.wire(), receiver.service() + " disconnected"));
        }
        return call;
    }

    /** What became of a reply. */
    public enum ReplyOutcome {
        /** It answered a call and was passed on. */
        ACCEPTED,
        /** No call waits for it: unknown, timed out, or its gather was already answered. */
        NOT_WAITING,
        /** The call it names was sent to another session. */
        NOT_YOURS
    }

    /** A reply from {@code from} to the call named by its {@code re}. */
    public ReplyOutcome reply(ClientSession from, Reply reply) {
        PendingCall call = pending.get(reply.re());
        if (call == null) {
            return ReplyOutcome.NOT_WAITING;
        }
        if (call.receiver.session() != from) {
            return ReplyOutcome.NOT_YOURS;
        }
        return finish(reply.re(), reply.status(), reply.body(), reply.error())
                ? ReplyOutcome.ACCEPTED : ReplyOutcome.NOT_WAITING;
    }

    /**
     * Another hub asks a session of this hub: {@code request} carries that hub's call id, which the
     * receiver echoes. {@code back} gets the reply (or the deadline, or {@code gone}) once, as a
     * reply frame whose {@code re} is that id, to publish back.
     */
    public void askedFromElsewhere(Request request, Receiver receiver, long timeoutMs, Consumer<Reply> back) {
        String callId = request.id();
        if (pending.containsKey(callId)) {
            // Asked twice under one id (a duplicate publish): the first call answers.
            return;
        }
        track(callId, request, receiver, timeoutMs, outcome -> back.accept(new Reply(0, null, callId,
                outcome.receiver().service(), outcome.status(), outcome.body(), outcome.error())));
    }

    /**
     * The reply to a call this hub sent to hub {@code fromHub}; ignored unless that hub was asked
     * (another hub may not answer for it).
     */
    public ReplyOutcome answered(String fromHub, Reply reply) {
        PendingCall call = pending.get(reply.re());
        if (call == null) {
            return ReplyOutcome.NOT_WAITING;
        }
        if (!fromHub.equals(call.receiver.hub())) {
            return ReplyOutcome.NOT_YOURS;
        }
        return finish(reply.re(), reply.status(), reply.body(), reply.error())
                ? ReplyOutcome.ACCEPTED : ReplyOutcome.NOT_WAITING;
    }

    /** Hub {@code hub} left the cluster (its lease lapsed): what it was asked ends as gone. */
    public void hubGone(String hub) {
        for (PendingCall call : List.copyOf(pending.values())) {
            if (hub.equals(call.receiver.hub())) {
                finishSafely(call.hubId, new Problem(ReplyStatus.GONE.wire(),
                        "the hub serving " + call.receiver.service() + " left the cluster before it replied"));
            }
        }
    }

    /**
     * Everything {@code session} was asked and has not answered ends as gone; what it asked the
     * hub itself stops waiting.
     */
    public void sessionEnded(ClientSession session) {
        Set<Runnable> ending = endingWith.remove(session);
        if (ending != null) {
            ending.forEach(Runnable::run);
        }
        Set<String> asked = byReceiver.remove(session);
        if (asked == null) {
            return;
        }
        for (String hubId : List.copyOf(asked)) {
            PendingCall call = pending.get(hubId);
            if (call != null) {
                finishSafely(hubId, new Problem(ReplyStatus.GONE.wire(),
                        call.receiver.service() + " disconnected before it replied"));
            }
        }
    }

    /**
     * The hub is stopping: every call still waiting ends as gone now, so that requesters (REST
     * calls held open among them) have their answer and nothing waits on a timer that is about
     * to stop. Calls made from now on end as gone at once.
     */
    public void close() {
        closed = true;
        for (String hubId : List.copyOf(pending.keySet())) {
            finishSafely(hubId, stopping());
        }
        byReceiver.clear();
    }

    /** The no-route reply for a request nobody can take, counted like every other outcome. */
    public Reply noRoute(Request request) {
        metrics.noRoute("request");
        metrics.requestDone(ReplyStatus.NO_ROUTE.wire(), 0);
        return Reply.failed(request.id(), ReplyStatus.NO_ROUTE, ErrorCode.NO_ROUTE.wire(),
                "nobody matches " + request.to().text());
    }

    /** How many calls wait for an answer. */
    public int inFlight() {
        return pending.size();
    }

    /**
     * Ends a call as gone, whatever its answer does: a requester whose answer fails (a heap that
     * ran out, say) must not keep the other calls of a sweep waiting, nor the hub from stopping.
     */
    private void finishSafely(String hubId, Problem why) {
        try {
            finish(hubId, ReplyStatus.GONE, null, why);
        } catch (RuntimeException | Error e) {
            log.error("Failed to answer the requester of {} while ending it as gone ({})", hubId, why.message(), e);
        }
    }

    private boolean finish(String hubId, ReplyStatus status, JsonNode body, Problem error) {
        PendingCall call = pending.remove(hubId);
        if (call == null) {
            return false;
        }
        unlist(call);
        if (call.deadline != null) {
            call.deadline.cancel(false);
        }
        call.completion.accept(new Outcome(call.receiver, status, body, error, call.elapsedMillis()));
        return true;
    }

    private void forget(String hubId) {
        PendingCall call = pending.remove(hubId);
        if (call != null) {
            unlist(call);
            if (call.deadline != null) {
                call.deadline.cancel(false);
            }
        }
    }

    private void unlist(PendingCall call) {
        if (call.receiver.isElsewhere()) {
            return;
        }
        byReceiver.computeIfPresent(call.receiver.session(), (session, asked) -> {
            asked.remove(call.hubId);
            return asked.isEmpty() ? null : asked;
        });
    }

    private static Problem stopping() {
        return new Problem(ReplyStatus.GONE.wire(), "the hub is stopping");
    }

    /** The bytes a gather keeps for {@code outcome}: its body as JSON, and its error. */
    private static long sizeOf(Outcome outcome) {
        long size = 0;
        if (outcome.body() != null) {
            CountingStream counter = new CountingStream();
            FrameCodec.DEFAULT.mapper().writeValue(counter, outcome.body());
            size += counter.count;
        }
        if (outcome.error() != null) {
            size += length(outcome.error().code()) + length(outcome.error().message());
        }
        return size;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** Counts what is written and keeps nothing: the size of a body without a copy of it. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
