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
 * Internet radio from Radio Browser ({@code GET /json/stations/search?name=&limit=&hidebroken=true}).
 * A station is a stream: no artist, no length, and the bot plays its URL directly.
 */
public final class RadioBrowserProvider implements SearchProvider {

    private final URI baseUrl;
    private final Fetcher fetcher;

    /**
     * @param baseUrl a Radio Browser server, {@code https://de2.api.radio-browser.info} for example
     * @param fetcher the fetcher for it
     */
    public RadioBrowserProvider(URI baseUrl, Fetcher fetcher) {
        this.baseUrl = baseUrl;
        this.fetcher = fetcher;
    }

    @Override
    public String id() {
        return "radio-browser";
    }

    @Override
    public String displayName() {
        return "Radio Browser";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SEARCH_TRACKS);
    }

    @Override
    public List<Track> search(SearchQuery query) throws ProviderException {
        URI uri = Urls.withQuery(baseUrl, "/json/stations/search",
                Map.of("name", query.text(), "limit", String.valueOf(query.limit()), "hidebroken", "true"));
        List<Track> stations = new ArrayList<>();
        for (JsonNode station : fetcher.getJson(uri, Map.of())) {
            String name = Json.text(station, "name");
            String stream = Json.text(station, "url_resolved");
            if (stream == null) {
                stream = Json.text(station, "url");
            }
            if (name == null || stream == null) {
                continue;
            }
            stations.add(new Track(name.strip(), null, null, 0, stream, Json.text(station, "favicon"), id(), null,
                    true));
            if (stations.size() == query.limit()) {
                break;
            }
        }
        return stations;
    }
}
