package dev.roadie.client;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import tools.jackson.databind.JsonNode;

/**
 * A message delivered to this client. Duplicates (the same {@code id} from the same sender,
 * as happens after reconnects and with durable messages) are dropped before handlers see them.
 *
 * @param id      the sender's id for it
 * @param from    the sender, as the hub saw it
 * @param to      the address it was sent to ({@code topic:...} for subscriptions)
 * @param subject what it is about
 * @param body    its content, or null
 * @param durable whether the sender asked the hub to store it until delivered
 */
public record IncomingMessage(String id, ServiceId from, Address to, String subject, JsonNode body, boolean durable) {

    /**
     * Reads the body as {@code type} with the protocol's codec.
     *
     * @throws FrameException with code invalid-frame when the body is absent or does not fit
     */
    public <T> T as(Class<T> type) {
        return FrameCodec.DEFAULT.fromTree(body, type);
    }
}
