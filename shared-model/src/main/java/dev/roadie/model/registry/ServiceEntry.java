package dev.roadie.model.registry;

import java.time.Instant;

/**
 * A service as the registry knows it.
 *
 * @param service     what it announced (secrets left out for principals that may not read them)
 * @param state       up, draining, retired or down
 * @param stats       its last stats, or null
 * @param owner       the principal that announced it
 * @param announcedAt when it was first announced
 * @param lastSeen    the last heartbeat or frame from its connection
 */
public record ServiceEntry(ServiceDescriptor service, ServiceState state, NodeStats stats, String owner,
        Instant announcedAt, Instant lastSeen) {

    /** The id of the service. */
    public ServiceId id() {
        return service.id();
    }

    /** The same entry without secrets. */
    public ServiceEntry withoutSecrets() {
        return new ServiceEntry(service.withoutSecrets(), state, stats, owner, announcedAt, lastSeen);
    }
}
