package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roadie.model.registry.ServiceId;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The one answer to a {@link Gather}: a result for every receiver in the snapshot, including
 * those that had not answered yet when the mode was satisfied (status timeout, with
 * {@code complete} false). An empty snapshot gives an empty list at once.
 *
 * @param re       the gather's id
 * @param complete whether every receiver reached a final status
 * @param results  one per receiver
 */
public record GatherResult(long seq, String id, String re, GatherMode mode, boolean complete,
        List<ReceiverResult> results) implements Numbered {

    public GatherResult {
        Fields.requireText(re, "re", Fields.MAX_ID);
        results = results == null ? List.of() : List.copyOf(results);
    }

    @Override
    public GatherResult withSeq(long seq) {
        return new GatherResult(seq, id, re, mode, complete, results);
    }

    /** How many receivers answered ok. */
    public long okCount() {
        return results.stream().filter(r -> r.status() == ReplyStatus.OK).count();
    }

    /** One receiver's outcome and how long it took. */
    public record ReceiverResult(ServiceId service, ReplyStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode body, Problem error, long ms) {
    }
}
