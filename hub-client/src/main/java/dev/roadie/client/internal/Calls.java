package dev.roadie.client.internal;

import dev.roadie.client.GatherAnswer;
import dev.roadie.client.RoadieException;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests and gathers waiting for their answers, with their deadlines. The hub answers every
 * call it received (with a timeout at the latest); the client's own deadline is the backstop
 * for calls the hub never received or whose answer went down with a lost session. Timer thread.
 */
final class Calls {
    private static final Logger log = LoggerFactory.getLogger(Calls.class);
    /** After its deadline, a delivered call waits this much longer for the hub's own timeout answer. */
    static final long GRACE_MS = 2_000;

    private final Protocol protocol;
    private final ProtocolLoop loop;
    private final Map<String, PendingCall<dev.roadie.client.Reply>> requests = new HashMap<>();
    private final Map<String, PendingCall<dev.roadie.client.GatherResult>> gathers = new HashMap<>();

    Calls(Protocol protocol, ProtocolLoop loop) {
        this.protocol = protocol;
        this.loop = loop;
    }

    /** What becomes of a call's frame: delivered when acknowledged, failed when refused. */
    static Outcome outcome(PendingCall<?> call, Calls calls) {
        return new Outcome() {
            @Override
            public void acked() {
                call.delivered = true;
            }

            @Override
            public void refused(RoadieException reason) {
                calls.requests.remove(call.id);
                calls.gathers.remove(call.id);
                call.fail(reason);
            }
        };
    }

    void startRequest(PendingCall<dev.roadie.client.Reply> call, OutgoingFrame frame) {
        start(call, frame, requests);
    }

    void startGather(PendingCall<dev.roadie.client.GatherResult> call, OutgoingFrame frame) {
        start(call, frame, gathers);
    }

    private <T> void start(PendingCall<T> call, OutgoingFrame frame, Map<String, PendingCall<T>> map) {
        call.frame = frame;
        map.put(call.id, call);
        call.deadline = loop.schedule(() -> expire(call, map), call.timeoutMs, TimeUnit.MILLISECONDS);
        protocol.enqueue(frame);
    }

    private <T> void expire(PendingCall<T> call, Map<String, PendingCall<T>> map) {
        if (map.get(call.id) != call) {
            return;
        }
        if (!call.delivered) {
            // Never confirmed by the hub: do not send it late, and answer now.
            map.remove(call.id);
            protocol.outbox.remove(call.frame);
            call.answerOwn(ReplyStatus.TIMEOUT, ReplyStatus.TIMEOUT.wire(), "the hub could not be reached within "
                    + call.timeoutMs + " ms; the request was not delivered");
            return;
        }
        call.deadline = loop.schedule(() -> {
            if (map.remove(call.id) != null) {
                call.answerOwn(ReplyStatus.TIMEOUT, ReplyStatus.TIMEOUT.wire(), "no answer within " + call.timeoutMs
                        + " ms (and none from the hub " + GRACE_MS + " ms later)");
            }
        }, GRACE_MS, TimeUnit.MILLISECONDS);
    }

    void answer(Reply reply) {
        PendingCall<dev.roadie.client.Reply> call = requests.remove(reply.re());
        if (call == null) {
            log.debug("[{}] Dropped a reply to {}: no request waits for it", protocol.client, reply.re());
            return;
        }
        call.complete(new dev.roadie.client.Reply(reply.from(), reply.status(), reply.body(), reply.error()));
    }

    void answer(GatherResult result) {
        PendingCall<dev.roadie.client.GatherResult> call = gathers.remove(result.re());
        if (call == null) {
            log.debug("[{}] Dropped a gather result for {}: no gather waits for it", protocol.client, result.re());
            return;
        }
        List<GatherAnswer> answers = new ArrayList<>();
        for (GatherResult.ReceiverResult r : result.results()) {
            answers.add(new GatherAnswer(r.service(), r.status(), r.body(), r.error(), Duration.ofMillis(r.ms())));
        }
        call.complete(new dev.roadie.client.GatherResult(result.mode(), result.complete(), answers));
    }

    /**
     * A new session began: calls the old one delivered can get no answer any more (the hub
     * routes answers to sessions). Calls not yet delivered go out again with the outbox.
     */
    void sessionLost() {
        int lost = endDelivered(requests) + endDelivered(gathers);
        if (lost > 0) {
            log.info("[{}] {} calls were delivered in the previous session; their answers are lost", protocol.client, lost);
        }
    }

    private static <T> int endDelivered(Map<String, PendingCall<T>> map) {
        int count = 0;
        Iterator<PendingCall<T>> it = map.values().iterator();
        while (it.hasNext()) {
            PendingCall<T> call = it.next();
            if (call.delivered) {
                it.remove();
                count++;
                call.answerOwn(ReplyStatus.GONE, dev.roadie.client.Reply.CONNECTION_LOST, "the link to the hub was lost"
                        + " after the request was delivered and the hub started a new session: its answer cannot come;"
                        + " send it again if it is safe to repeat");
            }
        }
        return count;
    }

    void failAll(RoadieException reason) {
        requests.values().forEach(call -> call.fail(reason));
        gathers.values().forEach(call -> call.fail(reason));
        requests.clear();
        gathers.clear();
    }
}
