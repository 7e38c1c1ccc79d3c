package dev.roadie.hub.routing;

import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.GatherResult.ReceiverResult;
import dev.roadie.model.wire.Problem;
import dev.roadie.model.wire.ReplyStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One gather in progress: the receivers snapshotted when it arrived and what each has
 * answered. Decides when the mode is satisfied and then answers exactly once.
 *
 * <p>It keeps every reply body until it answers, so it keeps at most {@code maxBytes} of them:
 * forty gathers of large replies once took a whole heap. A reply that would pass the limit is
 * recorded as an error for its receiver, and its body is let go.
 */
final class Gathering {
    private final String gatherId;
    private final GatherMode mode;
    private final int quorum;
    private final Map<Receiver, Outcome> outcomes = new LinkedHashMap<>();
    private final Consumer<GatherResult> answer;
    private final long maxBytes;
    private long heldBytes;
    private int ok;
    private int settled;
    private boolean answered;

    Gathering(String gatherId, GatherMode mode, int quorum, List<Receiver> receivers, long maxBytes,
            Consumer<GatherResult> answer) {
        this.gatherId = gatherId;
        this.mode = mode;
        this.quorum = quorum;
        this.maxBytes = maxBytes;
        this.answer = answer;
        receivers.forEach(r -> outcomes.put(r, null));
    }

    /**
     * Records one receiver's outcome, which takes {@code bytes} to keep; returns true when this
     * completed the gather.
     */
    synchronized boolean settle(Outcome outcome, long bytes) {
        if (answered || outcomes.get(outcome.receiver()) != null) {
            return false;
        }
        if (heldBytes + bytes > maxBytes) {
            outcome = new Outcome(outcome.receiver(), ReplyStatus.ERROR, null, new Problem(ErrorCode.TOO_LARGE.wire(),
                    "its reply of " + bytes + " bytes would take this gather over the " + maxBytes + " bytes it may"
                    + " keep (quotas.maxGatherBytes); it was dropped"), outcome.millis());
        } else {
            heldBytes += bytes;
        }
        outcomes.put(outcome.receiver(), outcome);
        settled++;
        if (outcome.status() == ReplyStatus.OK) {
            ok++;
        }
        if (isSatisfied()) {
            answered = true;
            answer.accept(result());
            return true;
        }
        return false;
    }

    /**
     * Answers at once when nothing needs waiting for: nobody to ask, or a quorum out of reach
     * from the start. Returns whether the gather is answered.
     */
    synchronized boolean answerIfSatisfied() {
        if (!answered && isSatisfied()) {
            answered = true;
            answer.accept(result());
        }
        return answered;
    }

    synchronized boolean isAnswered() {
        return answered;
    }

    private boolean isSatisfied() {
        int open = outcomes.size() - settled;
        return switch (mode) {
            case ALL -> open == 0;
            case FIRST -> ok >= 1 || open == 0;
            case QUORUM -> ok >= quorum || ok + open < quorum || open == 0;
        };
    }

    private GatherResult result() {
        List<ReceiverResult> results = new ArrayList<>(outcomes.size());
        outcomes.forEach((receiver, outcome) -> results.add(outcome == null
                ? new ReceiverResult(receiver.service(), ReplyStatus.TIMEOUT, null,
                        new Problem("timeout", "not waited for: the gather's mode was satisfied"), 0)
                : new ReceiverResult(receiver.service(), outcome.status(), outcome.body(), outcome.error(),
                        outcome.millis())));
        return new GatherResult(0, null, gatherId, mode, settled == outcomes.size(), results);
    }
}
