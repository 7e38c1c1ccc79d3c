package dev.roadie.search.builtin;

import dev.roadie.search.http.AllowedAddresses;
import java.time.Duration;

/**
 * Settings of every built-in provider; the hub fills it from its {@code search} section.
 *
 * @param userAgent       sent to every service (MusicBrainz requires a real one)
 * @param maxBytes        the largest API answer read
 * @param itunes          iTunes Search
 * @param deezer          Deezer
 * @param musicbrainz     MusicBrainz
 * @param radioBrowser    Radio Browser
 * @param audioNodesEnabled whether to search YouTube and SoundCloud through announced Lavalink nodes
 * @param audioNodeTimeout  the deadline of one Lavalink search
 * @param audioNodeAddresses internal addresses announced nodes may have (clients announce them, so
 *                           they are guarded like links)
 * @param links           link resolution
 */
public record BuiltInSettings(String userAgent, long maxBytes, ServiceSettings itunes, ServiceSettings deezer,
        ServiceSettings musicbrainz, ServiceSettings radioBrowser, boolean audioNodesEnabled,
        Duration audioNodeTimeout, AllowedAddresses audioNodeAddresses, LinkSettings links) {
}
