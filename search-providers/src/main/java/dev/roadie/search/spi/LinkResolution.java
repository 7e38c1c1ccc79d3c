package dev.roadie.search.spi;

import dev.roadie.model.music.Track;
import java.util.List;

/**
 * The answer to "what is behind this link?".
 *
 * @param link       the link as the user gave it
 * @param kind       a track, a playlist or an album
 * @param track      the track, or for a playlist or album its title, owner and artwork as a track-shaped summary
 * @param method     how it was found ("oembed", "json-ld", "opengraph", "audio-node", ...), for the user's
 *                   trust and for debugging
 * @param tracks     for a playlist or album, its tracks in order, at most as many as the hub's
 *                   {@code search.links.maxTracks}; empty for a track, and for a list whose
 *                   provider names only the list (Spotify's oEmbed, a page without a track list)
 * @param trackCount how many tracks the list has in all when its provider says so, else the
 *                   number listed; more than {@code tracks.size()} when the list was cut
 */
public record LinkResolution(String link, LinkKind kind, Track track, String method, List<Track> tracks,
        int trackCount) {

    public LinkResolution {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
        trackCount = Math.max(trackCount, tracks.size());
    }

    /** What a provider that knows only the summary answers (and plug-ins written before track lists). */
    public LinkResolution(String link, LinkKind kind, Track track, String method) {
        this(link, kind, track, method, List.of(), 0);
    }
}
