package dev.roadie.hub.registry;

import dev.roadie.model.registry.ServiceEntry;
import java.util.Optional;

/**
 * What an announce did.
 *
 * @param entry     the service as the registry now lists it
 * @param takenFrom the identity an admin took the service over from, when it was another's and
 *                  its lease still ran
 */
public record Announced(ServiceEntry entry, Optional<String> takenFrom) {
}
