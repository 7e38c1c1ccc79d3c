package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * One request to every receiver an address names. The hub snapshots the receivers when the
 * gather arrives and answers once with a {@link GatherResult}: a status for each of them.
 *
 * @param mode   when to answer: all, first or quorum
 * @param quorum for mode quorum: how many ok answers are enough
 */
public record Gather(long seq, String id, Address to, String subject,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode body, long timeoutMs, GatherMode mode, int quorum)
        implements Numbered {

    public Gather {
        Fields.requireText(id, "id", Fields.MAX_ID);
        Fields.require(to, "to");
        Fields.requireText(subject, "subject", Fields.MAX_SUBJECT);
        Fields.requireNotNegative(timeoutMs, "timeoutMs");
        mode = mode == null ? GatherMode.ALL : mode;
        if (mode == GatherMode.QUORUM && quorum < 1) {
            throw new IllegalArgumentException("'quorum' must be at least 1 for mode quorum");
        }
    }

    @Override
    public Gather withSeq(long seq) {
        return new Gather(seq, id, to, subject, body, timeoutMs, mode, quorum);
    }
}
