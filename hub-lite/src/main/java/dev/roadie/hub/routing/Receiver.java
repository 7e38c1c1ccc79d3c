package dev.roadie.hub.routing;

import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.registry.ServiceId;

/** One service that an address matched, and the session that serves it. */
public record Receiver(ServiceId service, ClientSession session) {
}
