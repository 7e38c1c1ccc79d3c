package dev.roadie.search.builtin;

import dev.roadie.model.music.Track;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.spi.Capability;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.RateLimitedException;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchQuery;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Deezer's public API ({@code GET /search?q=&limit=}), 50 calls per 5 s. Deezer reports
 * errors inside an HTTP 200 as {@code {"error":{"type","message","code"}}}; code 4 is its quota.
 */
public final class DeezerProvider implements SearchProvider {

    private static final int QUOTA_EXCEEDED = 4;

    private final URI baseUrl;
    private final Fetcher fetcher;

    /**
     * @param baseUrl {@code https://api.deezer.com} in production
     * @param fetcher the fetcher with Deezer's rate limit
     */
    public DeezerProvider(URI baseUrl, Fetcher fetcher) {
        this.baseUrl = baseUrl;
        this.fetcher = fetcher;
    }

    @Override
    public String id() {
        return "deezer";
    }

    @Override
    public String displayName() {
        return "Deezer";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SEARCH_TRACKS);
    }

    @Override
    public List<Track> search(SearchQuery query) throws ProviderException {
        URI uri = Urls.withQuery(baseUrl, "/search", Map.of("q", query.text(), "limit", String.valueOf(query.limit())));
        JsonNode body = fetcher.getJson(uri, Map.of());
        JsonNode error = body.get("error");
        if (error != null && error.isObject()) {
            String message = "Deezer refused: " + Json.text(error, "type") + " " + Json.text(error, "message")
                    + " (code " + Json.number(error, "code") + ")";
            if (Json.number(error, "code") == QUOTA_EXCEEDED) {
                throw new RateLimitedException(message, Duration.ofSeconds(5));
            }
            throw new ProviderException(message);
        }
        List<Track> tracks = new ArrayList<>();
        for (JsonNode item : body.path("data")) {
            String title = Json.text(item, "title");
            if (title == null) {
                continue;
            }
            JsonNode album = item.path("album");
            tracks.add(new Track(title, Json.text(item.path("artist"), "name"), Json.text(album, "title"),
                    Json.number(item, "duration") * 1000, Json.text(item, "link"), Json.text(album, "cover_medium"),
                    id(), Json.text(item, "isrc"), false));
            if (tracks.size() == query.limit()) {
                break;
            }
        }
        return tracks;
    }
}
