package dev.roadie.hub.config;

import dev.roadie.search.http.AllowedAddresses;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Music search and link resolution: which built-in providers are installed, how each service is
 * reached and rate-limited, where plug-ins live, and which internal addresses link resolution and
 * announced audio nodes may be fetched from (none, by default: users name the links and clients
 * announce the nodes, see SSRF in {@code docs/PROVIDERS.md}).
 *
 * @param enabled          the built-in providers to install, comma-separated ids; plug-ins are always installed
 * @param userAgent        sent to every service; MusicBrainz blocks clients without a real one
 * @param pluginFolder     jars here are loaded as search plug-ins at start
 * @param defaultTimeout   the deadline of a plug-in's answer in a federated search
 * @param maxResponseBytes the largest answer read from a service
 * @param cacheSize        recent (provider, query) answers kept; 0 turns the cache off
 * @param cacheTtl         how long a cached answer is served
 * @param deezer           Deezer
 * @param itunes           iTunes Search
 * @param musicbrainz      MusicBrainz
 * @param radioBrowser     Radio Browser
 * @param audioNodes       searching YouTube and SoundCloud through announced Lavalink nodes
 * @param links            link resolution
 */
public record SearchConfig(String enabled, String userAgent, Path pluginFolder, Duration defaultTimeout,
        long maxResponseBytes, int cacheSize, Duration cacheTtl, Service deezer, Service itunes, Service musicbrainz,
        Service radioBrowser, AudioNodes audioNodes, Links links) {

    /** The ids of the built-in providers, in the order their results win ties. */
    public static final List<String> BUILT_IN = List.of("youtube", "soundcloud", "deezer", "itunes", "musicbrainz",
            "radio-browser", "links");

    public SearchConfig {
        for (String id : ids(Require.requireSet("search.enabled", enabled))) {
            if (!BUILT_IN.contains(id) && !id.equals("none")) {
                throw ConfigException.invalid("search.enabled", "expected a comma-separated list of "
                        + String.join(", ", BUILT_IN) + " (or none)", enabled);
            }
        }
        // MusicBrainz asks for "Application/version ( contact )"; anything without a slash is not that.
        if (userAgent == null || !userAgent.matches("\\S+/\\S+.*")) {
            throw ConfigException.invalid("search.userAgent",
                    "expected a user agent like Roadie/0.1 ( you@example.org )", userAgent);
        }
        Require.requireSet("search.pluginFolder", pluginFolder);
        Require.atLeast("search.defaultTimeout", defaultTimeout, Duration.ofMillis(1));
        Require.size("search.maxResponseBytes", maxResponseBytes, 64L << 20);
        if (cacheSize < 0) {
            throw ConfigException.invalid("search.cacheSize", "expected 0 (no cache) or more", Integer.toString(cacheSize));
        }
        Require.atLeast("search.cacheTtl", cacheTtl, Duration.ofMillis(1));
        Require.requireSet("search.deezer", deezer);
        Require.requireSet("search.itunes", itunes);
        Require.requireSet("search.musicbrainz", musicbrainz);
        Require.requireSet("search.radioBrowser", radioBrowser);
        Require.requireSet("search.audioNodes", audioNodes);
        Require.requireSet("search.links", links);
    }

    /** These settings with another plug-in folder. */
    public SearchConfig withPluginFolder(Path folder) {
        return new SearchConfig(enabled, userAgent, folder, defaultTimeout, maxResponseBytes, cacheSize, cacheTtl,
                deezer, itunes, musicbrainz, radioBrowser, audioNodes, links);
    }

    /** These settings with other built-ins enabled, comma-separated ids or none. */
    public SearchConfig withEnabled(String ids) {
        return new SearchConfig(ids, userAgent, pluginFolder, defaultTimeout, maxResponseBytes, cacheSize, cacheTtl,
                deezer, itunes, musicbrainz, radioBrowser, audioNodes, links);
    }

    /** The enabled built-in ids. */
    public Set<String> enabledIds() {
        return Set.copyOf(ids(enabled).stream().filter(id -> !id.equals("none")).toList());
    }

    static List<String> ids(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static URI url(String setting, String value) {
        try {
            URI uri = new URI(Require.requireSet(setting, value).strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw ConfigException.invalid(setting, "expected an http or https URL like https://api.deezer.com", value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ConfigException.invalid(setting, "expected an http or https URL like https://api.deezer.com", value).because(e);
        }
    }

    /**
     * One music service's API.
     *
     * @param baseUrl  the API's base URL (a mirror or a test server can stand in)
     * @param timeout  the deadline of one call, waiting for the rate limit included
     * @param requests calls allowed per {@code per}
     * @param per      the rate-limit period
     */
    public record Service(String baseUrl, Duration timeout, int requests, Duration per) {
        public Service {
            // Bare names: the binder adds the section (search.deezer., search.itunes., ...).
            url("baseUrl", baseUrl);
            Require.atLeast("timeout", timeout, Duration.ofMillis(1));
            Require.positive("requests", requests);
            Require.atLeast("per", per, Duration.ofMillis(1));
        }

        /** The base URL, parsed. */
        public URI baseUri() {
            return url("baseUrl", baseUrl);
        }
    }

    /**
     * Searching through announced Lavalink nodes.
     *
     * @param timeout          the deadline of one search on a node
     * @param allowedAddresses internal addresses (with ports) announced nodes may have, or none
     */
    public record AudioNodes(Duration timeout, String allowedAddresses) {
        public AudioNodes {
            Require.atLeast("search.audioNodes.timeout", timeout, Duration.ofMillis(1));
            allowances("search.audioNodes.allowedAddresses", allowedAddresses);
        }

        /** The parsed allowances; refusals name this setting. */
        public AllowedAddresses allowed() {
            return allowances("search.audioNodes.allowedAddresses", allowedAddresses);
        }
    }

    static AllowedAddresses allowances(String setting, String value) {
        try {
            return AllowedAddresses.parse(setting, Require.requireSet(setting, value));
        } catch (IllegalArgumentException e) {
            String which = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            throw ConfigException.invalid(setting, "expected " + AllowedAddresses.forms() + " (" + which + ")", value)
                    .because(e);
        }
    }

    /**
     * Link resolution.
     *
     * @param timeout          the deadline of one resolution, redirects included
     * @param maxPageBytes     the largest page read
     * @param maxRedirects     redirects followed; each target is checked again
     * @param allowedAddresses internal addresses (or blocks, with ports) that may be fetched anyway, or none
     * @param youtubeOembed    YouTube's oEmbed endpoint
     * @param soundcloudOembed SoundCloud's oEmbed endpoint
     * @param spotifyOembed    Spotify's oEmbed endpoint
     * @param vimeoOembed      Vimeo's oEmbed endpoint
     * @param maxTracks        the most tracks of an album or playlist a resolve lists; 0 for the list's name only
     */
    public record Links(Duration timeout, long maxPageBytes, int maxRedirects, String allowedAddresses,
            String youtubeOembed, String soundcloudOembed, String spotifyOembed, String vimeoOembed, int maxTracks) {
        /** A bound on the answer's size: each track is a few hundred bytes on the wire. */
        static final int MAX_TRACKS_LIMIT = 1000;

        public Links {
            if (maxTracks < 0 || maxTracks > MAX_TRACKS_LIMIT) {
                throw ConfigException.invalid("search.links.maxTracks", "expected 0 to " + MAX_TRACKS_LIMIT,
                        Integer.toString(maxTracks));
            }
            Require.atLeast("search.links.timeout", timeout, Duration.ofMillis(1));
            Require.size("search.links.maxPageBytes", maxPageBytes, 64L << 20);
            if (maxRedirects < 0 || maxRedirects > 20) {
                throw ConfigException.invalid("search.links.maxRedirects", "expected 0 to 20",
                        Integer.toString(maxRedirects));
            }
            allowances("search.links.allowedAddresses", allowedAddresses);
            url("search.links.youtubeOembed", youtubeOembed);
            url("search.links.soundcloudOembed", soundcloudOembed);
            url("search.links.spotifyOembed", spotifyOembed);
            url("search.links.vimeoOembed", vimeoOembed);
        }

        /** The parsed allowances; refusals name this setting. */
        public AllowedAddresses allowed() {
            return allowances("search.links.allowedAddresses", allowedAddresses);
        }
    }
}
