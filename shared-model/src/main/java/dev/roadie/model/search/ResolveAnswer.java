package dev.roadie.model.search;

import dev.roadie.model.music.Track;

/**
 * What a link plays: the body of {@code /api/resolve} and of the reply to a {@link HubRequests#RESOLVE} request.
 *
 * @param kind   {@code track}, {@code album} or {@code playlist}
 * @param method how it was found ({@code oembed}, {@code opengraph}, {@code json-ld}, ...)
 */
public record ResolveAnswer(String link, String kind, Track track, String method) {
}
