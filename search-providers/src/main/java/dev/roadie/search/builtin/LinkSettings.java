package dev.roadie.search.builtin;

import dev.roadie.search.http.AllowedAddresses;
import dev.roadie.search.link.OEmbedEndpoints;
import java.time.Duration;

/**
 * How links are resolved.
 *
 * @param enabled          whether the link resolver is installed
 * @param oembed           the oEmbed endpoints
 * @param timeout          the deadline of one resolution, redirects included
 * @param maxBytes         the largest page read
 * @param maxRedirects     redirects followed, each one checked again
 * @param allowedAddresses internal addresses that may be fetched anyway; none in production (SSRF)
 * @param maxTracks        the most tracks of an album or playlist listed, by the link resolver and the audio nodes
 */
public record LinkSettings(boolean enabled, OEmbedEndpoints oembed, Duration timeout, long maxBytes,
        int maxRedirects, AllowedAddresses allowedAddresses, int maxTracks) {
}
