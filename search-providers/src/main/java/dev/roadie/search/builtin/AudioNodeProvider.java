package dev.roadie.search.builtin;

import dev.roadie.model.music.Track;
import dev.roadie.search.http.BlockedAddressException;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.HttpStatusException;
import dev.roadie.search.link.LinkResolver;
import dev.roadie.search.link.LinkShapes;
import dev.roadie.search.spi.Capability;
import dev.roadie.search.spi.LinkKind;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchQuery;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Searches through an announced Lavalink v4 node ({@code GET /v4/loadtracks?identifier=ytsearch:...}),
 * so every result is one the bot can play directly. The prefix picks the source: {@code ytsearch}
 * for YouTube, {@code scsearch} for SoundCloud. Nodes are asked in the source's order (least
 * loaded first) until one answers; Lavalink's {@code loadType} says whether it found tracks,
 * nothing or an error.
 *
 * <p>Clients announce nodes, so a node's endpoint may point anywhere: the fetcher is guarded by
 * {@code search.audioNodes.allowedAddresses}, and a search user is told only what kind of
 * failure it was ("refused by the hub's address rules", "answered HTTP 500"). What the node
 * said, or why the connection failed, goes to the hub's log for the operator.
 *
 * <p>It also lists the tracks of its service's playlist links ({@link #resolve}): a node loads
 * them as the bot will, so the list is what the bot can play.
 */
public final class AudioNodeProvider implements SearchProvider {
    private static final Logger LOG = LoggerFactory.getLogger(AudioNodeProvider.class);
    private static final int MAX_REMEMBERED_REFUSALS = 1000;

    private final String id;
    private final String source;
    private final String prefix;
    private final NodeSource nodes;
    private final Fetcher fetcher;
    private final int maxTracks;
    /** Nodes whose refusal was logged at warn already. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /**
     * @param id          the provider id ("youtube", "soundcloud")
     * @param source      the source's name ("YouTube"); the provider is shown as "YouTube (through audio nodes)"
     * @param prefix      the Lavalink search prefix ("ytsearch", "scsearch")
     * @param nodes       where usable nodes come from
     * @param fetcher     the fetcher, with an address guard: clients announce the endpoints
     * @param maxTracks   the most tracks of a playlist link listed ({@code search.links.maxTracks})
     */
    public AudioNodeProvider(String id, String source, String prefix, NodeSource nodes, Fetcher fetcher,
            int maxTracks) {
        this.id = id;
        this.source = source;
        this.prefix = prefix;
        this.nodes = nodes;
        this.fetcher = fetcher;
        this.maxTracks = maxTracks;
    }

    /** With {@link LinkResolver#DEFAULT_MAX_TRACKS}. */
    public AudioNodeProvider(String id, String source, String prefix, NodeSource nodes, Fetcher fetcher) {
        this(id, source, prefix, nodes, fetcher, LinkResolver.DEFAULT_MAX_TRACKS);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return source + " (through audio nodes)";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SEARCH_TRACKS, Capability.RESOLVE_LINKS);
    }

    /**
     * Lists the tracks of a playlist link of this provider's service (a YouTube {@code list=}, a
     * SoundCloud set) by loading the link on a node, which answers Lavalink's {@code playlist}
     * load type with every track. Anything else is left to the link resolver (empty): a single
     * track, another service's link, no node up, a node that fails or does not find a playlist;
     * the link resolver then names the list without its tracks.
     */
    @Override
    public Optional<LinkResolution> resolve(String link) {
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return Optional.empty(); // the link resolver tells the user what is wrong with it
        }
        if (uri.getHost() == null || !LinkShapes.source(uri).equals(id) || LinkShapes.kindOf(uri) == LinkKind.TRACK) {
            return Optional.empty();
        }
        for (AudioNode node : nodes.usableNodes()) {
            try {
                Optional<LinkResolution> found = playlistOn(node, uri);
                if (found.isPresent()) {
                    return found;
                }
            } catch (ProviderException e) {
                // The user gets the list's name from the link resolver; why the node failed is the operator's.
                String detail = e instanceof NodeAnswer answer ? answer.detail : e.getMessage();
                LOG.info("Audio node {} could not list the playlist {}: {}", node, link, detail);
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return Optional.empty();
    }

    private Optional<LinkResolution> playlistOn(AudioNode node, URI link) throws ProviderException {
        URI uri = Urls.withQuery(node.endpoint(), "/v4/loadtracks", Map.of("identifier", link.toString()));
        JsonNode body = fetcher.getJson(uri, Map.of("Authorization", node.password()));
        if (!"playlist".equals(Json.text(body, "loadType"))) {
            return Optional.empty();
        }
        JsonNode data = body.path("data");
        String name = Json.text(data.path("info"), "name");
        List<Track> tracks = new ArrayList<>();
        int count = 0;
        long totalMs = 0;
        for (JsonNode item : data.path("tracks")) {
            Track track = track(item.path("info"));
            if (track == null) {
                continue;
            }
            count++;
            totalMs += track.durationMs();
            if (tracks.size() < maxTracks) {
                tracks.add(track);
            }
        }
        if (name == null || count == 0) {
            return Optional.empty();
        }
        Track summary = new Track(name, null, null, totalMs, link.toString(),
                tracks.isEmpty() ? null : tracks.getFirst().artworkUrl(), id, null, true);
        return Optional.of(new LinkResolution(link.toString(), LinkShapes.kindOf(link), summary, "audio-node", tracks,
                count));
    }

    /** A Lavalink track's {@code info} as a Track, or null without a title or address. */
    private Track track(JsonNode info) {
        String title = Json.text(info, "title");
        String link = Json.text(info, "uri");
        if (title == null || link == null) {
            return null;
        }
        boolean stream = info.path("isStream").asBoolean(false);
        return new Track(title, Json.text(info, "author"), null, stream ? 0 : Json.number(info, "length"),
                link, Json.text(info, "artworkUrl"), id, Json.text(info, "isrc"), true);
    }

    @Override
    public List<Track> search(SearchQuery query) throws ProviderException {
        List<AudioNode> usable = nodes.usableNodes();
        if (usable.isEmpty()) {
            throw new ProviderException("no audio node is up, and " + source
                    + " is searched through one: start an audio node, or wait for one to connect");
        }
        // A node whose address space YouTube blocked answers with a load error; the next node may not be blocked.
        List<String> failures = new ArrayList<>();
        for (AudioNode node : usable) {
            try {
                return searchOn(node, query);
            } catch (ProviderException e) {
                failures.add("audio node " + node.name() + " could not be searched: " + reasonForUsers(node, e));
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
            case "error" -> throw new NodeAnswer("Lavalink could not load the search",
                    "load error: " + Json.text(data, "message") + " (severity " + Json.text(data, "severity") + ")");
            default -> throw new NodeAnswer("it answered something that is not a Lavalink search result",
                    "unknown loadType " + loadType);
        }
        List<Track> tracks = new ArrayList<>();
        for (JsonNode item : found) {
            Track track = track(item.path("info"));
            if (track == null) {
                continue;
            }
            tracks.add(track);
            if (tracks.size() == query.limit()) {
                break;
            }
        }
        return tracks;
    }

    /**
     * What a search user may see: the kind of failure, never the node's words or the network's,
     * which would tell a user what answers at an internal address. The detail goes to the log.
     */
    private String reasonForUsers(AudioNode node, ProviderException e) {
        if (e instanceof BlockedAddressException) {
            String detail = e.getMessage(); // names the address, its block and the entry to allow
            // Once per endpoint: every search would repeat it, and searches are the users' to make.
            if (firstRefusal(node)) {
                LOG.warn("Not searching audio node {}: {}", node, detail);
            } else {
                LOG.debug("Not searching audio node {}: {}", node, detail);
            }
            return "refused by the hub's address rules";
        }
        String detail = e instanceof NodeAnswer answer ? answer.detail
                : e.getCause() == null ? e.getMessage() : e.getMessage() + " (" + e.getCause() + ")";
        LOG.info("Audio node {} could not be searched: {}", node, detail);
        if (e instanceof HttpStatusException status) {
            return "answered HTTP " + status.status();
        }
        return e.getMessage(); // the fetcher's own words: a deadline, unreachable, malformed JSON, too large
    }

    private boolean firstRefusal(AudioNode node) {
        if (refused.size() >= MAX_REMEMBERED_REFUSALS) {
            refused.clear(); // announced endpoints are bounded by the registry; this only caps the memory
        }
        return refused.add(node.name() + " " + node.endpoint());
    }

    /** The node answered, but not with results; the message is for users, the detail for the log. */
    private static final class NodeAnswer extends ProviderException {
        private final String detail;

        NodeAnswer(String message, String detail) {
            super(message);
            // Whatever answers at the endpoint wrote this: one short line, so it cannot forge log lines.
            String line = detail.replaceAll("\\p{Cntrl}", "?");
            this.detail = line.length() > 300 ? line.substring(0, 300) + "..." : line;
        }
    }
}
