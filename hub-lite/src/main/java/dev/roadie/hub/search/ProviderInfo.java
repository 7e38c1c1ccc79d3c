package dev.roadie.hub.search;

import java.util.List;

/**
 * One provider as {@code GET /api/providers} lists it.
 *
 * @param id           its id
 * @param name         its display name
 * @param capabilities what it can do: {@code search-tracks}, {@code resolve-links}
 * @param origin       {@code built-in} or {@code plugin}
 * @param installed    whether it is installed (a built-in left out of {@code search.enabled} is not)
 * @param problem      why a plug-in could not be loaded, else null
 */
public record ProviderInfo(String id, String name, List<String> capabilities, String origin, boolean installed,
        String problem) {
}
