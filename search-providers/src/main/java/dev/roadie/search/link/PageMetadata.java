package dev.roadie.search.link;

import dev.roadie.model.music.Track;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.search.spi.LinkKind;
import dev.roadie.search.spi.LinkResolution;
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

    static Optional<LinkResolution> read(String link, String html, KnownService service) {
        Document page = Jsoup.parse(html, link);
        Optional<LinkResolution> fromJsonLd = jsonLd(link, page, service);
        return fromJsonLd.isPresent() ? fromJsonLd : openGraph(link, page, service);
    }

    private static Optional<LinkResolution> jsonLd(String link, Document page, KnownService service) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode node;
            try {
                node = FrameCodec.DEFAULT.mapper().readTree(script.data());
            } catch (JacksonException e) {
                LOG.debug("Skipping malformed JSON-LD on {}: {}", link, e.getOriginalMessage());
                continue;
            }
            String type = node.path("@type").isString() ? node.path("@type").asString() : "";
            LinkKind kind = switch (type) {
                case "MusicRecording" -> LinkKind.TRACK;
                case "MusicAlbum" -> LinkKind.ALBUM;
                case "MusicPlaylist" -> LinkKind.PLAYLIST;
                default -> null;
            };
            String name = text(node.get("name"));
            if (kind == null || name == null) {
                continue;
            }
            JsonNode image = node.path("image");
            String artwork = image.isArray() ? text(image.get(0)) : text(image);
            Track track = new Track(name, text(node.path("byArtist").get("name")),
                    text(node.path("inAlbum").get("name")), durationMs(text(node.get("duration"))), link, artwork,
                    service.source, null, service.playable);
            return Optional.of(new LinkResolution(link, kind, track, "json-ld"));
        }
        return Optional.empty();
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
