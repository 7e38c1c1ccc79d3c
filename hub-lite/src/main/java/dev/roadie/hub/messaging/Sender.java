package dev.roadie.hub.messaging;

import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.routing.Requester;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;

/**
 * Who sends a message, request or gather.
 *
 * @param principal what its token may do
 * @param identity  the {@code KIND/NAME} its receivers see in {@code from}
 * @param session   its socket session, never one of its own receivers; null for a REST call
 */
public record Sender(Principal principal, ServiceId identity, ClientSession session) {

    /** A client on the socket. */
    public static Sender of(ClientSession session) {
        return new Sender(session.principal(), session.identity(), session);
    }

    /** A REST caller, which sends as the service its token names. */
    public static Sender rest(Principal principal) {
        return new Sender(principal, new ServiceId(principal.kind(), principal.name()), null);
    }

    /** What its in-flight limits are counted against: its session too, when it has one. */
    Requester requester() {
        return session == null ? Requester.rest(principal) : Requester.of(session);
    }

    /** How this sender asks many receivers at once, as advice in a refusal. */
    String howToGather(Address to) {
        return session == null ? "use /api/gather" : "send a gather to " + to.text();
    }
}
