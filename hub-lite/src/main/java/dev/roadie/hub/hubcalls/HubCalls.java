package dev.roadie.hub.hubcalls;

import dev.roadie.hub.metrics.HubMetrics;
import dev.roadie.hub.routing.QuotaExceededException;
import dev.roadie.hub.routing.Requester;
import dev.roadie.hub.routing.Requests;
import dev.roadie.hub.search.SearchCalls;
import dev.roadie.hub.search.SearchRefusedException;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.search.HubRequests;
import dev.roadie.model.search.SearchPart;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Answers the requests a client sends to the hub itself (address {@code hub}, subjects in
 * {@link HubRequests}): search, streamed search, resolve and the provider list, with what the
 * REST routes answer ({@link SearchCalls}), the same scope, and the request's deadline and the
 * requester's pending-request quota as any request. The socket hands a request over and goes on:
 * the answer is worked out on a thread of its own, since a search waits on the network for seconds.
 */
public final class HubCalls implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HubCalls.class);
    private static final Set<String> SUBJECTS = Set.of(HubRequests.SEARCH, HubRequests.RESOLVE, HubRequests.PROVIDERS);

    private final SearchCalls search;
    private final Requests requests;
    private final LongUnaryOperator deadlineMs;
    private final ScheduledExecutorService timer;
    private final HubMetrics metrics;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("roadie-hub-call-", 0).factory());
    private final AtomicLong partIds = new AtomicLong();

    /**
     * @param requests   counts each call against the requester's {@code quotas.pendingRequests*}
     * @param deadlineMs the deadline of a request that asked for this many ms (0: the default)
     * @param timer      ends calls at their deadlines
     */
    public HubCalls(SearchCalls search, Requests requests, LongUnaryOperator deadlineMs,
            ScheduledExecutorService timer, HubMetrics metrics) {
        this.search = search;
        this.requests = requests;
        this.deadlineMs = deadlineMs;
        this.timer = timer;
        this.metrics = metrics;
    }

    /** Answers {@code request} from {@code session} with one reply, later; returns at once and never throws. */
    public void answer(ClientSession session, Request request) {
        Reply refusal = refusal(session, request);
        if (refusal != null) {
            metrics.requestDone(refusal.status().wire(), 0);
            session.deliver(refusal);
            return;
        }
        Runnable release;
        try {
            release = requests.holdSlot(Requester.of(session));
        } catch (QuotaExceededException e) {
            session.deliver(error(request.id(), ErrorCode.LIMIT_REACHED, e.getMessage()));
            return;
        }
        HubCall call = new HubCall(session, request.id(), release, metrics);
        long timeoutMs = deadlineMs.applyAsLong(request.timeoutMs());
        call.deadline(timer.schedule(() -> call.timedOut(timeoutMs), timeoutMs, TimeUnit.MILLISECONDS));
        call.forgetOnEnd(requests.whenEnded(session, call::sessionEnded));
        try {
            call.work(workers.submit(() -> work(call, request)));
        } catch (RejectedExecutionException e) {
            // The hub is stopping: its clients get a goodbye; this call ends as any other would.
            call.end(error(request.id(), ErrorCode.INTERNAL, "the hub is stopping; ask again after it restarts"));
        }
    }

    /** Why the hub will not take {@code request} at all, as a reply, or null. */
    private static Reply refusal(ClientSession session, Request request) {
        if (!SUBJECTS.contains(request.subject())) {
            return Reply.failed(request.id(), ReplyStatus.NO_HANDLER, ReplyStatus.NO_HANDLER.wire(), "the hub answers"
                    + " requests of subject " + String.join(", ", SUBJECTS.stream().sorted().toList()) + ", not '"
                    + request.subject() + "'");
        }
        if (!session.principal().scopes().has(HubRequests.SCOPE)) {
            return error(request.id(), ErrorCode.FORBIDDEN, "this token lacks the scope " + HubRequests.SCOPE);
        }
        return null;
    }

    private void work(HubCall call, Request request) {
        if (!call.isOpen()) {
            return;
        }
        try {
            JsonNode answer = switch (request.subject()) {
                case HubRequests.SEARCH -> search(call, request.body());
                case HubRequests.RESOLVE -> tree(search.resolve(text(request.body(), "url")));
                default -> tree(search.providers());
            };
            call.end(Reply.ok(call.requestId(), answer));
        } catch (SearchRefusedException e) {
            call.end(error(call.requestId(), e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            if (!call.isOpen()) {
                // Stopped because its session ended: nobody is left to answer.
                log.debug("Stopped the {} request {} to the hub: its session ended", request.subject(), request.id(), e);
                return;
            }
            log.error("Failed to answer the {} request {} to the hub", request.subject(), request.id(), e);
            call.end(error(call.requestId(), ErrorCode.INTERNAL, "the hub failed to answer; it is logged"));
        }
    }

    private JsonNode search(HubCall call, JsonNode body) {
        if (body != null && !body.isObject()) {
            throw new SearchRefusedException(400, ErrorCode.INVALID_FRAME, "the body of a search is an object:"
                    + " {\"q\": \"text\", \"providers\": [\"deezer\"], \"limit\": 20, \"stream\": false}");
        }
        JsonNode limit = body == null ? null : body.get("limit");
        SearchCalls.Parameters parameters = search.parameters(text(body, "q"),
                limit == null || limit.isNull() ? null : limit.asString(), providers(body));
        boolean stream = body != null && body.path("stream").asBoolean(false);
        return tree(search.search(parameters, part -> {
            if (stream) {
                call.part("hub-part-" + partIds.incrementAndGet(),
                        new SearchPart(call.requestId(), part.status(), part.tracks()));
            }
        }));
    }

    /** {@code "providers": ["a", "b"]} or {@code "providers": "a,b"}. */
    private static List<String> providers(JsonNode body) {
        JsonNode given = body == null ? null : body.get("providers");
        List<String> ids = new ArrayList<>();
        if (given == null || given.isNull()) {
            return ids;
        }
        if (given.isString()) {
            ids.add(given.stringValue());
        } else if (given.isArray()) {
            for (JsonNode id : given) {
                if (!id.isString()) {
                    throw new SearchRefusedException(400, ErrorCode.INVALID_FRAME, "providers is a list of provider"
                            + " ids as strings, e.g. [\"deezer\", \"itunes\"]; got " + given);
                }
                ids.add(id.stringValue());
            }
        } else {
            throw new SearchRefusedException(400, ErrorCode.INVALID_FRAME, "providers is a list of provider ids,"
                    + " e.g. [\"deezer\", \"itunes\"]");
        }
        return ids;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static JsonNode tree(Object answer) {
        return FrameCodec.DEFAULT.mapper().valueToTree(answer);
    }

    private static Reply error(String re, ErrorCode code, String message) {
        return Reply.failed(re, ReplyStatus.ERROR, code.wire(), message);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
