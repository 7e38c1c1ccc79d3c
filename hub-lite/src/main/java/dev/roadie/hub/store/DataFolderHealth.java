package dev.roadie.hub.store;

import java.util.Optional;

/** Whether the hub can still store what it is given; what {@code /api/health} reports. */
public interface DataFolderHealth {
    /** Why the hub cannot store anything now, in words for its operator; empty when all is well. */
    Optional<String> problem();
}
