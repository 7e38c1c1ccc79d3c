package dev.roadie.search.builtin;

import dev.roadie.model.music.Track;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.spi.Capability;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchQuery;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The iTunes Search API ({@code GET /search?term=&media=music&entity=song&limit=}). Apple asks
 * for about 20 calls a minute; the caller's {@link Fetcher} holds that limit. Results are shop
 * pages, so the bot searches for them rather than playing them.
 */
public final class ItunesProvider implements SearchProvider {

    private final URI baseUrl;
    private final Fetcher fetcher;

    /**
     * @param baseUrl {@code https://itunes.apple.com} in production
     * @param fetcher the fetcher with iTunes' rate limit
     */
    public ItunesProvider(URI baseUrl, Fetcher fetcher) {
        this.baseUrl = baseUrl;
        this.fetcher = fetcher;
    }

    @Override
    public String id() {
        return "itunes";
    }

    @Override
    public String displayName() {
        return "iTunes";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SEARCH_TRACKS);
    }

    @Override
    public List<Track> search(SearchQuery query) throws ProviderException {
        URI uri = Urls.withQuery(baseUrl, "/search",
                Map.of("term", query.text(), "media", "music", "entity", "song", "limit", String.valueOf(query.limit())));
        JsonNode results = fetcher.getJson(uri, Map.of()).path("results");
        List<Track> tracks = new ArrayList<>();
        for (JsonNode item : results) {
            String title = Json.text(item, "trackName");
            if (title == null || !"track".equals(Json.text(item, "wrapperType"))) {
                continue;
            }
            tracks.add(new Track(title, Json.text(item, "artistName"), Json.text(item, "collectionName"),
                    Json.number(item, "trackTimeMillis"), Json.text(item, "trackViewUrl"),
                    Json.text(item, "artworkUrl100"), id(), null, false));
            if (tracks.size() == query.limit()) {
                break;
            }
        }
        return tracks;
    }
}
