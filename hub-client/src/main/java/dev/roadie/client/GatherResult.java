package dev.roadie.client;

import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.ReplyStatus;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer to a gather: one outcome per receiver the hub asked.
 *
 * @param mode     the gather's mode
 * @param complete whether every receiver reached its own outcome (false when the mode was
 *                 satisfied before, and the rest were not waited for)
 * @param answers  one per receiver, in no particular order; empty when nobody matched
 */
public record GatherResult(GatherMode mode, boolean complete, List<GatherAnswer> answers) {

    public GatherResult {
        answers = List.copyOf(answers);
    }

    /** The answers with status ok. */
    public List<GatherAnswer> ok() {
        return answers.stream().filter(a -> a.status() == ReplyStatus.OK).collect(Collectors.toUnmodifiableList());
    }

    /** The answers with {@code status}. */
    public List<GatherAnswer> withStatus(ReplyStatus status) {
        return answers.stream().filter(a -> a.status() == status).collect(Collectors.toUnmodifiableList());
    }
}
