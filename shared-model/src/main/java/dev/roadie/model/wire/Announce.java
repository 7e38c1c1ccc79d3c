package dev.roadie.model.wire;

import dev.roadie.model.registry.ServiceDescriptor;

/**
 * Puts a service in the registry (or updates it), state up. Its lease is renewed as long as
 * the announcing connection stays alive. A connection may announce several services (a node
 * agent announces the node it watches). A service belongs to the token identity that announced
 * it while its lease lives; another identity's announce of it is refused unless it is an admin's
 * with {@code takeover} set.
 *
 * @param takeover an admin takes the service over from the identity that owns it; refused for
 *                 any other token, and left out of the frame when false
 */
public record Announce(long seq, String id, ServiceDescriptor service, boolean takeover) implements Numbered {
    public Announce {
        Fields.requireText(id, "id", Fields.MAX_ID);
        Fields.require(service, "service");
    }

    /** An ordinary announce, without taking over. */
    public Announce(long seq, String id, ServiceDescriptor service) {
        this(seq, id, service, false);
    }

    @Override
    public Announce withSeq(long seq) {
        return new Announce(seq, id, service, takeover);
    }
}
