package dev.roadie.hub.routing;

import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.registry.ServiceId;

/**
 * Who sends a request or gather: the identity it comes from, and what its in-flight limits are
 * counted against.
 *
 * @param identity  the sender's {@code KIND/NAME}, named in {@code from}
 * @param tokenId   the token it used; its socket session and its REST calls share the per-token limits
 * @param sessionId its socket session, or null for a REST call (which has only the per-token limits)
 */
public record Requester(ServiceId identity, String tokenId, String sessionId) {

    /** A client on the socket. */
    public static Requester of(ClientSession session) {
        return new Requester(session.identity(), session.principal().tokenId(), session.id());
    }

    /** A REST caller. */
    public static Requester rest(Principal principal) {
        return new Requester(new ServiceId(principal.kind(), principal.name()), principal.tokenId(), null);
    }
}
