package dev.roadie.model.wire;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;

/**
 * Moves an announced service to up, draining or retired (down is the hub's to decide). Allowed
 * for the connection that announced it and for admins.
 */
public record StateChange(long seq, String id, ServiceId service, ServiceState state) implements Numbered {
    public StateChange {
        Fields.requireText(id, "id", Fields.MAX_ID);
        Fields.require(service, "service");
        Fields.require(state, "state");
        if (state == ServiceState.DOWN) {
            throw new IllegalArgumentException("'state' down is set by the hub when a lease runs out;"
                    + " send draining or retired");
        }
    }

    @Override
    public StateChange withSeq(long seq) {
        return new StateChange(seq, id, service, state);
    }
}
