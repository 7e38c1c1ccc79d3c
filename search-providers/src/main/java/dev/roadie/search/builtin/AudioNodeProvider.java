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
 * Searches through an announced Lavalink v4 node ({@code GET /v4/loadtracks?identifier=ytsearch:...}),
 * so every result is one the bot can play directly. The prefix picks the source: {@code ytsearch}
 * for YouTube, {@code scsearch} for SoundCloud. Nodes are asked in the source's order (least
 * loaded first) until one answers; Lavalink's {@code loadType} says whether it found tracks,
 * nothing or an error.
 */
public final class AudioNodeProvider implements SearchProvider {

    private final String id;
    private final String displayName;
    private final String prefix;
    private final NodeSource nodes;
    private final Fetcher fetcher;

    /**
     * @param id          the provider id ("youtube", "soundcloud")
     * @param displayName the name shown to users
     * @param prefix      the Lavalink search prefix ("ytsearch", "scsearch")
     * @param nodes       where usable nodes come from
     * @param fetcher     the fetcher (no address guard: nodes are announced by trusted agents)
     */
    public AudioNodeProvider(String id, String displayName, String prefix, NodeSource nodes, Fetcher fetcher) {
        this.id = id;
        this.displayName = displayName;
        this.prefix = prefix;
        this.nodes = nodes;
        this.fetcher = fetcher;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SEARCH_TRACKS);
    }

    @Override
    public List<Track> search(SearchQuery query) throws ProviderException {
        List<AudioNode> usable = nodes.usableNodes();
        if (usable.isEmpty()) {
            throw new ProviderException("no audio node is up to search " + displayName + " through");
        }
        // A node whose address space YouTube blocked answers with a load error; the next node may not be blocked.
        List<String> failures = new ArrayList<>();
        for (AudioNode node : usable) {
            try {
                return searchOn(node, query);
            } catch (ProviderException e) {
                failures.add(e.getMessage());
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
        }
        throw new ProviderException(failures.size() == 1 ? failures.getFirst()
                : "every audio node failed: " + String.join("; ", failures));
    }

    private List<Track> searchOn(AudioNode node, SearchQuery query) throws ProviderException {
        URI uri = Urls.withQuery(node.endpoint(), "/v4/loadtracks", Map.of("identifier", prefix + ":" + query.text()));
        JsonNode body = fetcher.getJson(uri, Map.of("Authorization", node.password()));
        String loadType = Json.text(body, "loadType");
        JsonNode data = body.path("data");
        List<JsonNode> found = new ArrayList<>();
        switch (loadType == null ? "" : loadType) {
            case "search" -> data.forEach(found::add);
            case "track" -> found.add(data);
            case "playlist" -> data.path("tracks").forEach(found::add);
            case "empty" -> { }
            case "error" -> throw new ProviderException("audio node " + node.name() + " could not search: "
                    + Json.text(data, "message"));
            default -> throw new ProviderException("audio node " + node.name() + " answered an unknown loadType "
                    + loadType);
        }
        List<Track> tracks = new ArrayList<>();
        for (JsonNode item : found) {
            JsonNode info = item.path("info");
            String title = Json.text(info, "title");
            String link = Json.text(info, "uri");
            if (title == null || link == null) {
                continue;
            }
            boolean stream = info.path("isStream").asBoolean(false);
            tracks.add(new Track(title, Json.text(info, "author"), null, stream ? 0 : Json.number(info, "length"),
                    link, Json.text(info, "artworkUrl"), id, Json.text(info, "isrc"), true));
            if (tracks.size() == query.limit()) {
                break;
            }
        }
        return tracks;
    }
}
