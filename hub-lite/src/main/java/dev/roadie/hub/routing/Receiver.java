package dev.roadie.hub.routing;

import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.registry.ServiceId;

/**
 * One service that an address matched, and where it is served: by a session of this hub, or by
 * another hub of the cluster (docs/CLUSTER.md).
 *
 * @param session the session serving it here, or null when it is served by another hub
 * @param hub     the id of the other hub serving it, or null when it is served here
 */
public record Receiver(ServiceId service, ClientSession session, String hub) {

    /** A service served by a session of this hub. */
    public Receiver(ServiceId service, ClientSession session) {
        this(service, session, null);
    }

    /** A service served by the hub {@code hub} of the cluster. */
    public static Receiver elsewhere(ServiceId service, String hub) {
        return new Receiver(service, null, hub);
    }

    /** Whether another hub serves it. */
    public boolean isElsewhere() {
        return hub != null;
    }
}
