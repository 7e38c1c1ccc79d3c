package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roadie.model.registry.ServiceId;
import tools.jackson.databind.JsonNode;

/**
 * The answer to a {@link Request}. A receiver sends {@code ok} with a body or {@code error}
 * (or {@code no-handler}) with an error; the hub itself sends {@code timeout}, {@code gone}
 * and {@code no-route}.
 *
 * @param re     the id of the request this answers
 * @param from   the service that answered, set by the hub
 * @param status the outcome
 * @param body   the result, for {@code ok}
 * @param error  what went wrong, for every other status
 */
public record Reply(long seq, String id, String re, ServiceId from, ReplyStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode body, Problem error) implements Numbered {

    public Reply {
        Fields.optionalText(id, "id", Fields.MAX_ID);
        Fields.requireText(re, "re", Fields.MAX_ID);
        Fields.require(status, "status");
    }

    @Override
    public Reply withSeq(long seq) {
        return new Reply(seq, id, re, from, status, body, error);
    }

    /** A successful reply. */
    public static Reply ok(String re, JsonNode body) {
        return new Reply(0, null, re, null, ReplyStatus.OK, body, null);
    }

    /** A reply with a status other than ok. */
    public static Reply failed(String re, ReplyStatus status, String code, String message) {
        return new Reply(0, null, re, null, status, null, new Problem(code, message));
    }

    /** The same reply addressed to another request id and marked as coming from {@code sender}. */
    public Reply relayed(String requestId, ServiceId sender) {
        return new Reply(0, null, requestId, sender, status, body, error);
    }
}
