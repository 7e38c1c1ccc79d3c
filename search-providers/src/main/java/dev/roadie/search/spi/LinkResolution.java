package dev.roadie.search.spi;

import dev.roadie.model.music.Track;

/**
 * The answer to "what is behind this link?".
 *
 * @param link     the link as the user gave it
 * @param kind     a track, a playlist or an album
 * @param track    the track, or for a playlist or album its title, owner and artwork as a track-shaped summary
 * @param method   how it was found ("oembed", "json-ld", "opengraph", ...), for the user's trust and for debugging
 */
public record LinkResolution(String link, LinkKind kind, Track track, String method) {
}
