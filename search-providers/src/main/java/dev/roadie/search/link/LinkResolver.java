package dev.roadie.search.link;

import dev.roadie.model.music.Track;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.Page;
import dev.roadie.search.spi.Capability;
import dev.roadie.search.spi.InvalidLinkException;
import dev.roadie.search.spi.LinkKind;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Resolves links users paste: oEmbed for YouTube, SoundCloud, Spotify and Vimeo; JSON-LD and
 * OpenGraph for Bandcamp and any other page. Every fetch goes through a {@link Fetcher} with
 * an address guard, because the user chooses the URL.
 */
public final class LinkResolver implements SearchProvider {

    /** The tracks of an album or playlist kept when the caller names no bound ({@code search.links.maxTracks}). */
    public static final int DEFAULT_MAX_TRACKS = 100;

    private final OEmbedEndpoints endpoints;
    private final Fetcher fetcher;
    private final int maxTracks;

    /**
     * @param endpoints the oEmbed endpoints
     * @param fetcher   a fetcher WITH an address guard, a size cap and a redirect bound
     * @param maxTracks the most tracks of an album or playlist listed (its JSON-LD may list thousands)
     */
    public LinkResolver(OEmbedEndpoints endpoints, Fetcher fetcher, int maxTracks) {
        this.endpoints = endpoints;
        this.fetcher = fetcher;
        this.maxTracks = maxTracks;
    }

    /** With {@link #DEFAULT_MAX_TRACKS}. */
    public LinkResolver(OEmbedEndpoints endpoints, Fetcher fetcher) {
        this(endpoints, fetcher, DEFAULT_MAX_TRACKS);
    }

    @Override
    public String id() {
        return "links";
    }

    @Override
    public String displayName() {
        return "Links (oEmbed, OpenGraph, JSON-LD)";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.RESOLVE_LINKS);
    }

    @Override
    public Optional<LinkResolution> resolve(String link) throws ProviderException {
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            throw new InvalidLinkException("that is not a link: " + e.getReason(), e);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new InvalidLinkException("that is not a link the hub can resolve: give an http or https address"
                    + " with a host, like https://www.youtube.com/watch?v=...");
        }
        KnownService service = KnownService.of(uri);
        URI oembed = service.oembedEndpoint(endpoints);
        if (oembed != null) {
            return Optional.of(viaOEmbed(uri, service, oembed));
        }
        Page page = fetcher.get(uri, Map.of("Accept", "text/html,application/xhtml+xml"));
        fetcher.requireSuccess(page);
        String type = page.headers().firstValue("Content-Type").orElse("");
        if (!type.isEmpty() && !type.contains("html")) {
            throw new ProviderException("the link is not a web page (" + type + ")");
        }
        return PageMetadata.read(page.uri().toString(), page.text(), service, maxTracks)
                .map(found -> new LinkResolution(uri.toString(), found.kind() == LinkKind.TRACK
                        ? service.kindOf(uri) : found.kind(), found.track(), found.method(), found.tracks(),
                        found.trackCount()));
    }

    private LinkResolution viaOEmbed(URI link, KnownService service, URI endpoint) throws ProviderException {
        String separator = endpoint.getQuery() == null ? "?" : "&";
        URI request = URI.create(endpoint + separator + "format=json&url="
                + java.net.URLEncoder.encode(link.toString(), java.nio.charset.StandardCharsets.UTF_8));
        JsonNode body = fetcher.getJson(request, Map.of());
        JsonNode title = body.get("title");
        if (title == null || !title.isString() || title.asString().isBlank()) {
            throw new ProviderException(service.source + " oEmbed answered without a title");
        }
        JsonNode author = body.get("author_name");
        JsonNode thumbnail = body.get("thumbnail_url");
        JsonNode duration = body.get("duration");
        Track track = new Track(title.asString(), author != null && author.isString() ? author.asString() : null,
                null, duration != null && duration.isNumber() ? milliseconds(duration) : 0, link.toString(),
                thumbnail != null && thumbnail.isString() ? thumbnail.asString() : null, service.source, null,
                service.playable);
        return new LinkResolution(link.toString(), service.kindOf(link), track, "oembed");
    }

    /**
     * oEmbed's duration, in seconds, as milliseconds; 0 (unknown) when it is negative or too long
     * for a long, since the service writes any number it likes (asLong() throws past a long).
     */
    private static long milliseconds(JsonNode seconds) {
        double ms = seconds.numberValue().doubleValue() * 1000;
        return Double.isFinite(ms) && ms >= 0 && ms < Long.MAX_VALUE ? Math.round(ms) : 0;
    }
}
