package dev.roadie.hub.routing;

import dev.roadie.hub.metrics.HubMetrics;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.Problem;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Requests and gathers in flight. Each delivered request gets a hub id of its own, so that
 * clients' ids never collide and a receiver can only answer what it was asked; the reply is
 * relayed with the requester's id. Every call ends exactly once: by a reply, at its deadline,
 * or as {@code gone} when its receiver's session ends.
 */
public final class Requests {
    private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final HubMetrics metrics;

    public Requests(ScheduledExecutorService timer, HubMetrics metrics) {
        this.timer = timer;
        this.metrics = metrics;
    }

    /**
     * Sends {@code request} to {@code receiver} and answers {@code answer} once with a reply
     * whose {@code re} is the request's own id.
     */
    public void request(Request request, ServiceId sender, Receiver receiver, long timeoutMs, Consumer<Reply> answer) {
        String requesterId = request.id();
        Consumer<Outcome> completion = outcome -> {
            metrics.requestDone(outcome.status().wire(), outcome.millis() / 1000.0);
            answer.accept(new Reply(0, null, requesterId, outcome.receiver().service(), outcome.status(),
                    outcome.body(), outcome.error()));
        };
        send(request, sender, receiver, timeoutMs, completion);
    }

    /** Sends one request per receiver and answers {@code answer} once with the gathered result. */
    public void gather(Gather gather, ServiceId sender, List<Receiver> receivers, long timeoutMs,
            Consumer<GatherResult> answer) {
        Gathering gathering = new Gathering(gather.id(), gather.mode(), gather.quorum(), receivers, result -> {
            metrics.gatherDone(result.complete());
            result.results().forEach(r -> metrics.gatherReceiver(r.status().wire()));
            answer.accept(result);
        });
        List<PendingCall> calls = new java.util.ArrayList<>();
        Consumer<Outcome> completion = outcome -> {
            if (gathering.settle(outcome)) {
                // The mode is satisfied: stop waiting for the others.
                synchronized (calls) {
                    calls.forEach(call -> forget(call.hubId));
                }
            }
        };
        if (gathering.answerIfSatisfied()) {
            // Nobody to ask, or a quorum out of reach from the start: asking anyone would be wasted.
            return;
        }
        Request asRequest = new Request(0, gather.id(), null, gather.to(), gather.subject(), gather.body(), timeoutMs);
        synchronized (calls) {
            for (Receiver receiver : receivers) {
                if (gathering.isAnswered()) {
                    break;
                }
                calls.add(send(asRequest, sender, receiver, timeoutMs, completion));
            }
        }
    }

    private PendingCall send(Request request, ServiceId sender, Receiver receiver, long timeoutMs,
            Consumer<Outcome> completion) {
        String hubId = "h" + Long.toString(ids.incrementAndGet(), 36);
        PendingCall call = new PendingCall(hubId, receiver, System.nanoTime(), completion);
        pending.put(hubId, call);
        call.deadline = timer.schedule(() -> finish(hubId, ReplyStatus.TIMEOUT, null,
                new Problem(ReplyStatus.TIMEOUT.wire(), "no reply within " + timeoutMs + " ms")),
                timeoutMs, TimeUnit.MILLISECONDS);
        receiver.session().deliver(request.deliveredAs(hubId, sender, new Address.Instance(receiver.service()),
                timeoutMs));
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

    /** Everything {@code session} was asked and has not answered ends as gone. */
    public void sessionEnded(ClientSession session) {
        for (PendingCall call : List.copyOf(pending.values())) {
            if (call.receiver.session() == session) {
                finish(call.hubId, ReplyStatus.GONE, null,
                        new Problem(ReplyStatus.GONE.wire(), call.receiver.service() + " disconnected before it replied"));
            }
        }
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

    private boolean finish(String hubId, ReplyStatus status, tools.jackson.databind.JsonNode body, Problem error) {
        PendingCall call = pending.remove(hubId);
        if (call == null) {
            return false;
        }
        if (call.deadline != null) {
            call.deadline.cancel(false);
        }
        call.completion.accept(new Outcome(call.receiver, status, body, error, call.elapsedMillis()));
        return true;
    }

    private void forget(String hubId) {
        PendingCall call = pending.remove(hubId);
        if (call != null && call.deadline != null) {
            call.deadline.cancel(false);
        }
    }
}
