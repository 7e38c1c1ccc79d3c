package dev.roadie.model.wire;

import dev.roadie.model.registry.ServiceDescriptor;

/**
 * Puts a service in the registry (or updates it), state up. Its lease is renewed as long as
 * the announcing connection stays alive. A connection may announce several services (a node
 * agent announces the node it watches).
 */
public record Announce(long seq, String id, ServiceDescriptor service) implements Numbered {
    public Announce {
        Fields.requireText(id, "id", Fields.MAX_ID);
        Fields.require(service, "service");
    }

    @Override
    public Announce withSeq(long seq) {
        return new Announce(seq, id, service);
    }
}
