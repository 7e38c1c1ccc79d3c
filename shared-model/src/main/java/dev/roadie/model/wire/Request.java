package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roadie.model.registry.ServiceId;
import tools.jackson.databind.JsonNode;

/**
 * A request that expects one {@link Reply} with {@code re} equal to this {@code id}. The hub
 * answers {@code no-route} at once when nobody matches, {@code timeout} at the deadline and
 * {@code gone} when the receiver leaves first. When the hub delivers a request it gives it an
 * id of its own; the receiver replies to that id.
 *
 * @param timeoutMs the deadline; 0 asks for the hub's default, more than the hub's maximum is cut to it
 */
public record Request(long seq, String id, ServiceId from, Address to, String subject,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode body, long timeoutMs) implements Numbered {

    public Request {
        Fields.requireText(id, "id", Fields.MAX_ID);
        Fields.require(to, "to");
        Fields.requireText(subject, "subject", Fields.MAX_SUBJECT);
        Fields.requireNotNegative(timeoutMs, "timeoutMs");
    }

    @Override
    public Request withSeq(long seq) {
        return new Request(seq, id, from, to, subject, body, timeoutMs);
    }

    /** The request as the hub hands it to one receiver: a hub id, the sender, the receiver and the time it has. */
    public Request deliveredAs(String hubId, ServiceId sender, Address receiver, long remainingMs) {
        return new Request(0, hubId, sender, receiver, subject, body, remainingMs);
    }
}
