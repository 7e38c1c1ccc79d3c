package dev.roadie.search.link;

import dev.roadie.model.music.Track;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.search.spi.LinkKind;
import dev.roadie.search.spi.LinkResolution;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads what a web page says about itself: schema.org JSON-LD first (Bandcamp's is exact), then
 * OpenGraph tags, then the page title. Values are kept as text; nothing on the page is run.
 */
final class PageMetadata {

    private static final Logger LOG = LoggerFactory.getLogger(PageMetadata.class);
    // Bandcamp writes "P00H03M46S" (no T), which java.time.Duration refuses.
    private static final Pattern ISO_DURATION =
            Pattern.compile("P(?:T)?(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?");

    private PageMetadata() {
    }

    /**
     * @param maxTracks the most tracks of an album's or playlist's list kept
     */
    static Optional<LinkResolution> read(String link, String html, KnownService service, int maxTracks) {
        Document page = Jsoup.parse(html, link);
        Optional<LinkResolution> fromJsonLd = jsonLd(link, page, service, maxTracks);
        return fromJsonLd.isPresent() ? fromJsonLd : openGraph(link, page, service);
    }

    private static Optional<LinkResolution> jsonLd(String link, Document page, KnownService service, int maxTracks) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode node;
            try {
                node = FrameCodec.DEFAULT.mapper().readTree(script.data());
            } catch (JacksonException e) {
                LOG.debug("Skipping malformed JSON-LD on {}: {}", link, e.getOriginalMessage());
                continue;
            }
            LinkKind kind = kindOf(node.path("@type"));
            String name = text(node.get("name"));
            if (kind == null || name == null) {
                continue;
            }
            JsonNode image = node.path("image");
            String artwork = image.isArray() ? text(image.get(0)) : text(image);
            String artist = artistOf(node);
            Track track = new Track(name, artist,
                    text(node.path("inAlbum").get("name")), durationMs(text(node.get("duration"))), link, artwork,
                    service.source, null, service.playable);
            if (kind == LinkKind.TRACK) {
                return Optional.of(new LinkResolution(link, kind, track, "json-ld"));
            }
            TrackList list = trackList(page, node, kind == LinkKind.ALBUM ? name : null, artist, artwork, service,
                    maxTracks);
            return Optional.of(new LinkResolution(link, kind, track, "json-ld", list.tracks(), list.count()));
        }
        return Optional.empty();
    }

    /** schema.org's type, one name or a list of them ({@code ["MusicAlbum", "Product"]}); null for other things. */
    private static LinkKind kindOf(JsonNode type) {
        for (JsonNode name : type.isArray() ? type : List.of(type)) {
            LinkKind kind = switch (name.isString() ? name.asString() : "") {
                case "MusicRecording" -> LinkKind.TRACK;
                case "MusicAlbum" -> LinkKind.ALBUM;
                case "MusicPlaylist" -> LinkKind.PLAYLIST;
                default -> null;
            };
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private record TrackList(List<Track> tracks, int count) {
    }

    /**
     * An album's or playlist's {@code track} property (schema.org: MusicRecording items, an
     * ItemList of them, or ListItems holding them; {@code tracks} is its older name), in order.
     * An album's tracks are by the album's artist unless they say otherwise.
     */
    private static TrackList trackList(Document page, JsonNode list, String album, String albumArtist,
            String albumArtwork, KnownService service, int maxTracks) {
        JsonNode items = list.has("track") ? list.get("track") : list.path("tracks");
        int declared = 0;
        if (items.isObject()) {
            declared = items.path("numberOfItems").isNumber() ? items.path("numberOfItems").asInt() : 0;
            items = items.path("itemListElement");
        }
        List<Track> tracks = new ArrayList<>();
        int listed = 0;
        for (JsonNode item : items.isArray() ? items : List.<JsonNode>of()) {
            JsonNode recording = item.has("item") ? item.get("item") : item;
            String name = text(recording.get("name"));
            if (name == null) {
                continue;
            }
            listed++;
            if (tracks.size() == maxTracks) {
                continue;
            }
            String uri = absoluteLink(page, text(recording.has("url") ? recording.get("url") : recording.get("@id")));
            String artist = Optional.ofNullable(artistOf(recording)).orElse(album == null ? null : albumArtist);
            JsonNode image = recording.path("image");
            String artwork = Optional.ofNullable(image.isArray() ? text(image.get(0)) : text(image)).orElse(albumArtwork);
            String inAlbum = Optional.ofNullable(text(recording.path("inAlbum").get("name"))).orElse(album);
            // Without its own address the bot must search for it: it cannot be played as it is.
            tracks.add(new Track(name, artist, inAlbum, durationMs(text(recording.get("duration"))), uri, artwork,
                    service.source, null, service.playable && uri != null));
        }
        return new TrackList(tracks, Math.max(declared, listed));
    }

    /** {@code byArtist} as one object or a list of them (the first is named). */
    private static String artistOf(JsonNode node) {
        JsonNode by = node.path("byArtist");
        return text((by.isArray() ? by.path(0) : by).get("name"));
    }

    /** A track's address made absolute against the page; null unless it is http or https. */
    private static String absoluteLink(Document page, String href) {
        if (href == null) {
            return null;
        }
        try {
            URI uri = URI.create(page.location()).resolve(href.strip());
            return uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null
                    ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            LOG.debug("Skipping a track address that is not a link: {}", e.getMessage());
            return null;
        }
    }

    private static Optional<LinkResolution> openGraph(String link, Document page, KnownService service) {
        String title = meta(page, "og:title");
        if (title == null) {
            title = page.title().isBlank() ? null : page.title().strip();
        }
        if (title == null) {
            return Optional.empty();
        }
        String type = Optional.ofNullable(meta(page, "og:type")).orElse("").toLowerCase(Locale.ROOT);
        LinkKind kind = type.contains("album") ? LinkKind.ALBUM
                : type.contains("playlist") ? LinkKind.PLAYLIST : service.kindOf(java.net.URI.create(link));
        Track track = new Track(title, meta(page, "music:musician_name"), null, 0, link, meta(page, "og:image"),
                service.source, null, service.playable);
        return Optional.of(new LinkResolution(link, kind, track, "opengraph"));
    }

    private static String meta(Document page, String property) {
        Element tag = page.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        if (tag == null) {
            return null;
        }
        String content = tag.attr("content").strip();
        return content.isEmpty() ? null : content;
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    static long durationMs(String iso) {
        if (iso == null) {
            return 0;
        }
        Matcher m = ISO_DURATION.matcher(iso.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return 0;
        }
        double seconds = number(m.group(1)) * 3600 + number(m.group(2)) * 60 + number(m.group(3));
        double ms = seconds * 1000;
        // The page says what it likes: a length that does not fit in a long is no length at all.
        return Double.isFinite(ms) && ms < Long.MAX_VALUE ? Math.round(ms) : 0;
    }

    /** Digits of any length (Long.parseLong would throw past 19), or 0 for an absent part. */
    private static double number(String digits) {
        return digits == null ? 0 : Double.parseDouble(digits);
    }
}
