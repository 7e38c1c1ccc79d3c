package dev.roadie.client;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import dev.roadie.model.wire.Problem;
import dev.roadie.model.wire.ReplyStatus;
import tools.jackson.databind.JsonNode;

/**
 * The answer to a request. Every status is a normal outcome: {@code ok} with a body, the
 * receiver's {@code error} or {@code no-handler}, or the hub's {@code timeout}, {@code gone}
 * and {@code no-route}. The client itself answers {@code timeout} when the hub could not be
 * reached in time, and {@code gone} with code {@code connection-lost} when the link to the hub
 * was lost for good after the request was delivered (the answer cannot come any more).
 *
 * @param from   the service the request went to (also on the hub's timeout and gone answers), or null
 *               for no-route and for answers the client made itself
 * @param status the outcome
 * @param body   the result, for ok
 * @param error  the code and message, for every other status
 */
public record Reply(ServiceId from, ReplyStatus status, JsonNode body, Problem error) {

    /** The error code of a reply made when the link was lost after the request was delivered. */
    public static final String CONNECTION_LOST = "connection-lost";

    /** Whether the status is ok. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOk() {
        return status == ReplyStatus.OK;
    }

    /**
     * Reads the body as {@code type} with the protocol's codec.
     *
     * @throws RequestFailedException when the reply is not ok
     * @throws FrameException         with code invalid-frame when the body does not fit
     */
    public <T> T as(Class<T> type) {
        return FrameCodec.DEFAULT.fromTree(orThrow().body, type);
    }

    /**
     * This reply when ok.
     *
     * @throws RequestFailedException with the reply's error code and message otherwise
     */
    public Reply orThrow() {
        if (isOk()) {
            return this;
        }
        String code = error == null || error.code() == null ? status.wire() : error.code();
        String message = error == null || error.message() == null ? status.wire() : error.message();
        throw new RequestFailedException(code, message);
    }
}
