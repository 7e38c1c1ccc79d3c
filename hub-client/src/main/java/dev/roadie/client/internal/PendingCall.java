package dev.roadie.client.internal;

import dev.roadie.client.RoadieException;
import dev.roadie.model.wire.Problem;
import dev.roadie.model.wire.ReplyStatus;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * A request or gather waiting for its answer. Timer thread, except for construction.
 *
 * @param <T> what the application gets: a reply or a gather result
 */
final class PendingCall<T> {
    final String id;
    final CompletableFuture<T> future = new CompletableFuture<>();
    final long timeoutMs;
    /** Makes the answer the client gives itself (timeout, lost link), or null to fail the future instead. */
    private final BiFunction<ReplyStatus, Problem, T> ownAnswer;

    OutgoingFrame frame;
    /** Whether the hub acknowledged the request: it was delivered, only its answer is missing. */
    boolean delivered;
    ProtocolLoop.Timeout deadline;

    PendingCall(String id, long timeoutMs, BiFunction<ReplyStatus, Problem, T> ownAnswer) {
        this.id = id;
        this.timeoutMs = timeoutMs;
        this.ownAnswer = ownAnswer;
    }

    /** Ends the call with an answer of the client's own. */
    void answerOwn(ReplyStatus status, String code, String message) {
        cancelDeadline();
        if (ownAnswer == null) {
            future.completeExceptionally(new RoadieException(code + ": " + message));
        } else {
            future.complete(ownAnswer.apply(status, new Problem(code, message)));
        }
    }

    void complete(T answer) {
        cancelDeadline();
        future.complete(answer);
    }

    void fail(RoadieException reason) {
        cancelDeadline();
        future.completeExceptionally(reason);
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel();
        }
    }
}
