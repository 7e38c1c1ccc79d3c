package dev.roadie.model.search;

import dev.roadie.model.music.Track;
import java.util.List;

/**
 * What a link plays: the body of {@code /api/resolve} and of the reply to a {@link HubRequests#RESOLVE} request.
 *
 * @param kind       {@code track}, {@code album} or {@code playlist}
 * @param track      the track, or for an album or playlist a track-shaped summary (its title, owner, picture)
 * @param method     how it was found ({@code oembed}, {@code opengraph}, {@code json-ld}, {@code audio-node}, ...)
 * @param tracks     an album's or playlist's tracks in order, at most {@code search.links.maxTracks};
 *                   empty (absent on the wire) for a track, and for a list whose provider tells only
 *                   its name (then a bot is given the link itself)
 * @param trackCount how many tracks the list has in all, when known; more than {@code tracks}
 *                   holds when the list was cut at {@code search.links.maxTracks}; 0 (absent) for a track
 */
public record ResolveAnswer(String link, String kind, Track track, String method, List<Track> tracks,
        int trackCount) {

    /** The codec leaves empty lists out of the JSON: read back, they are empty, not null. */
    public ResolveAnswer {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    /** A track, or a list whose provider names only the list. */
    public ResolveAnswer(String link, String kind, Track track, String method) {
        this(link, kind, track, method, List.of(), 0);
    }
}
