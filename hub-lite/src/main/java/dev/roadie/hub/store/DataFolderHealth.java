package dev.roadie.hub.store;

import java.util.Optional;

/** Whether the hub's data folder is still the one it opened and holds; what {@code /api/health} reports. */
public interface DataFolderHealth {
    /** What is wrong with it, in words for the hub's operator; empty when all is well. */
    Optional<String> problem();
}
