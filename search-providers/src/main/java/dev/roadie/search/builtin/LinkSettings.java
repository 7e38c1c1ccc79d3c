package dev.roadie.search.builtin;

import dev.roadie.search.link.OEmbedEndpoints;
import java.time.Duration;
import java.util.Set;

/**
 * How links are resolved.
 *
 * @param enabled          whether the link resolver is installed
 * @param oembed           the oEmbed endpoints
 * @param timeout          the deadline of one resolution, redirects included
 * @param maxBytes         the largest page read
 * @param maxRedirects     redirects followed, each one checked again
 * @param allowedAddresses internal addresses that may be fetched anyway; empty in production (SSRF)
 */
public record LinkSettings(boolean enabled, OEmbedEndpoints oembed, Duration timeout, long maxBytes,
        int maxRedirects, Set<String> allowedAddresses) {

    /** Copies the set. */
    public LinkSettings {
        allowedAddresses = Set.copyOf(allowedAddresses);
    }
}
