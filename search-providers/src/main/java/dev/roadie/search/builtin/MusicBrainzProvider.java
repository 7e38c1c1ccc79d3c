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
 * MusicBrainz recording search ({@code GET /ws/2/recording?query=&fmt=json&limit=}). MusicBrainz
 * allows one call a second and blocks clients without a meaningful User-Agent; both are in the
 * {@link Fetcher}. It is the best source of ISRCs, which let the federated search merge results.
 */
public final class MusicBrainzProvider implements SearchProvider {

    private final URI baseUrl;
    private final Fetcher fetcher;

    /**
     * @param baseUrl {@code https://musicbrainz.org} in production
     * @param fetcher the fetcher with MusicBrainz' rate limit and a real User-Agent
     */
    public MusicBrainzProvider(URI baseUrl, Fetcher fetcher) {
        this.baseUrl = baseUrl;
        this.fetcher = fetcher;
    }

    @Override
    public String id() {
        return "musicbrainz";
    }

    @Override
    public String displayName() {
        return "MusicBrainz";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SEARCH_TRACKS);
    }

    @Override
    public List<Track> search(SearchQuery query) throws ProviderException {
        URI uri = Urls.withQuery(baseUrl, "/ws/2/recording",
                Map.of("query", query.text(), "fmt", "json", "limit", String.valueOf(query.limit())));
        List<Track> tracks = new ArrayList<>();
        for (JsonNode recording : fetcher.getJson(uri, Map.of()).path("recordings")) {
            String title = Json.text(recording, "title");
            String id = Json.text(recording, "id");
            if (title == null || id == null) {
                continue;
            }
            JsonNode release = recording.path("releases").path(0);
            JsonNode isrcs = recording.path("isrcs");
            String isrc = isrcs.isArray() && !isrcs.isEmpty() ? isrcs.get(0).asString() : null;
            tracks.add(new Track(title, artistCredit(recording.path("artist-credit")), Json.text(release, "title"),
                    Json.number(recording, "length"), "https://musicbrainz.org/recording/" + id, null, id(), isrc,
                    false));
            if (tracks.size() == query.limit()) {
                break;
            }
        }
        return tracks;
    }

    /** Joins a credit as MusicBrainz shows it: each name followed by its join phrase (" feat. "). */
    private static String artistCredit(JsonNode credit) {
        StringBuilder names = new StringBuilder();
        for (JsonNode part : credit) {
            String name = Json.text(part, "name");
            if (name != null) {
                names.append(name);
                JsonNode join = part.get("joinphrase");
                if (join != null && join.isString()) {
                    names.append(join.asString());
                }
            }
        }
        return names.isEmpty() ? null : names.toString().strip();
    }
}
