package dev.roadie.hub.hubcalls;

import dev.roadie.hub.metrics.HubMetrics;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.search.HubRequests;
import dev.roadie.model.search.SearchPart;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request to the hub while it is answered: it ends exactly once, by its answer or at its
 * deadline, and gives its place in the requester's quota back then. What comes after the end
 * (a search that finished late, parts of it) is dropped. A session that has ended ends its calls
 * at once, their work stopped, so that their places in the token's quota come back with it; a
 * session only detached gets the answer on resuming, as any frame.
 */
final class HubCall {
    private final ClientSession session;
    private final String requestId;
    private final Runnable release;
    private final HubMetrics metrics;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile ScheduledFuture<?> deadline;
    private volatile Future<?> work;
    private volatile Runnable forget = () -> { };

    HubCall(ClientSession session, String requestId, Runnable release, HubMetrics metrics) {
        this.session = session;
        this.requestId = requestId;
        this.release = release;
        this.metrics = metrics;
    }

    String requestId() {
        return requestId;
    }

    /** Whether it is still worth working on: not answered yet, and its session is there. */
    boolean isOpen() {
        return !ended.get() && !session.isEnded();
    }

    void deadline(ScheduledFuture<?> due) {
        this.deadline = due;
        if (ended.get()) {
            due.cancel(false);
        }
    }

    /** The work on the answer, stopped when the requester's session ends first. */
    void work(Future<?> running) {
        this.work = running;
        if (ended.get()) {
            running.cancel(true);
        }
    }

    /** What stops the call from hearing of its session's end, run when it ends. */
    void forgetOnEnd(Runnable forgetting) {
        this.forget = forgetting;
        if (ended.get()) {
            forgetting.run();
        }
    }

    /** The requester's session ended for good: nobody waits for the answer any more. */
    void sessionEnded() {
        Future<?> running = work;
        end(Reply.failed(requestId, ReplyStatus.GONE, ReplyStatus.GONE.wire(), "the session that asked has ended"));
        if (running != null) {
            // Interrupted, a search stops waiting on its providers: its network calls are worth nothing now.
            running.cancel(true);
        }
    }

    /** Sends one provider's answer of a streamed search, unless the call has ended. */
    void part(String messageId, SearchPart part) {
        if (isOpen()) {
            session.deliver(new Message(0, messageId, null, new Address.Instance(session.identity()),
                    HubRequests.SEARCH_PART, FrameCodec.DEFAULT.mapper().valueToTree(part), false));
        }
    }

    /** Ends the call with {@code reply} (its {@code re} is this call's request); later ends are dropped. */
    void end(Reply reply) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> due = deadline;
        if (due != null) {
            due.cancel(false);
        }
        release.run();
        forget.run();
        metrics.requestDone(reply.status().wire(), (System.nanoTime() - startNanos) / 1e9);
        session.deliver(reply);
    }

    /** Ends the call as {@code timeout}, as the hub does for any request past its deadline. */
    void timedOut(long timeoutMs) {
        end(Reply.failed(requestId, ReplyStatus.TIMEOUT, ReplyStatus.TIMEOUT.wire(), "no reply within " + timeoutMs
                + " ms"));
    }
}
