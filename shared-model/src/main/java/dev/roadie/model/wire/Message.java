package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roadie.model.registry.ServiceId;
import tools.jackson.databind.JsonNode;

/**
 * A one-way message to an address. The hub fills {@code from} when it delivers.
 *
 * @param seq     sequence number in the sender's stream
 * @param id      the sender's id for it; receivers drop a second message with the same id from the same sender
 * @param from    the sending service, set by the hub
 * @param to      where it goes
 * @param subject what it is about ("player.add", "registry.changed"); receivers dispatch on it
 * @param body    any JSON value
 * @param durable reserved for messages the hub will store before confirming them, so that they
 *                survive a hub restart; this hub delivers them like any other
 */
public record Message(long seq, String id, ServiceId from, Address to, String subject,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode body, boolean durable) implements Numbered {

    public Message {
        Fields.requireText(id, "id", Fields.MAX_ID);
        Fields.require(to, "to");
        Fields.requireText(subject, "subject", Fields.MAX_SUBJECT);
    }

    @Override
    public Message withSeq(long seq) {
        return new Message(seq, id, from, to, subject, body, durable);
    }

    /** The same message as the hub delivers it: from the given sender. */
    public Message from(ServiceId sender) {
        return new Message(seq, id, sender, to, subject, body, durable);
    }
}
