package dev.roadie.client;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A request delivered to this client, for a {@link RequestHandler}.
 *
 * @param id      the hub's id of the request (the reply goes to it; the SDK sends it for you)
 * @param from    the requester
 * @param subject what is asked
 * @param body    the request's content, or null
 * @param timeout how long the requester waits; a later answer is dropped by the hub
 */
public record IncomingRequest(String id, ServiceId from, String subject, JsonNode body, Duration timeout) {

    /**
     * Reads the body as {@code type} with the protocol's codec.
     *
     * @throws FrameException with code invalid-frame when the body is absent or does not fit;
     *                        thrown from a handler, it is answered as an invalid-frame error
     */
    public <T> T as(Class<T> type) {
        return FrameCodec.DEFAULT.fromTree(body, type);
    }
}
