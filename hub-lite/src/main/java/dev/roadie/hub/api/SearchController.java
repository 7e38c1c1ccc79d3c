package dev.roadie.hub.api;

import dev.roadie.hub.search.HubSearch;
import dev.roadie.model.music.Track;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.search.federated.ProviderAnswer;
import dev.roadie.search.federated.ProviderReport;
import dev.roadie.search.federated.ProviderStatus;
import dev.roadie.search.federated.SearchResult;
import dev.roadie.search.http.BlockedAddressException;
import dev.roadie.search.spi.InvalidLinkException;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchQuery;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/search}, {@code /api/search/stream}, {@code /api/resolve} and {@code /api/providers}:
 * music search through the hub's providers, for any token with the scope {@code search}.
 */
public final class SearchController {
    /** Results per provider when the caller names no limit. */
    static final int DEFAULT_LIMIT = 20;

    private final HubSearch search;

    public SearchController(HubSearch search) {
        this.search = search;
    }

    /** One provider's status as the API shows it. */
    record ProviderStatusView(String provider, String status, String reason, int count, long latencyMs,
            boolean cached) {
        static ProviderStatusView of(ProviderReport report) {
            return new ProviderStatusView(report.provider(),
                    report.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), report.reason(), report.count(),
                    report.latencyMs(), report.cached());
        }
    }

    /**
     * The complete answer of {@code /api/search}, and the final event of the stream. {@code allFailed}
     * tells "nothing was found" (some provider answered, with nothing) from "the search could not
     * be done" (every provider asked failed or timed out), which an empty track list alone cannot.
     */
    record SearchAnswer(String query, List<Track> tracks, List<ProviderStatusView> providers, boolean allFailed) {
        static SearchAnswer of(SearchResult result) {
            boolean allFailed = !result.providers().isEmpty() && result.providers().stream()
                    .allMatch(p -> p.status() == ProviderStatus.FAILED || p.status() == ProviderStatus.TIMED_OUT);
            return new SearchAnswer(result.query(), result.tracks(),
                    result.providers().stream().map(ProviderStatusView::of).toList(), allFailed);
        }
    }

    /** One provider's answer in the stream. */
    record ProviderEvent(ProviderStatusView status, List<Track> tracks) {
    }

    /** The answer of {@code /api/resolve}. */
    record ResolveAnswer(String link, String kind, Track track, String method) {
    }

    void search(Context ctx) {
        SearchQuery query = query(ctx);
        ctx.json(SearchAnswer.of(search.search(query, chosenProviders(ctx), a -> { })));
    }

    void stream(Context ctx) throws Exception {
        // Checked before the stream starts, so that refusals get a status and a JSON body.
        SearchQuery query = query(ctx);
        List<String> providers = chosenProviders(ctx);
        new SseHandler(client -> stream(client, query, providers)).handle(ctx);
    }

    private void stream(SseClient client, SearchQuery query, List<String> providers) {
        var mapper = FrameCodec.DEFAULT.mapper();
        SearchResult result = search.search(query, providers, (ProviderAnswer answer) -> {
            if (!client.terminated()) {
                client.sendEvent("provider", mapper.writeValueAsString(
                        new ProviderEvent(ProviderStatusView.of(answer.report()), answer.tracks())));
            }
        });
        if (!client.terminated()) {
            client.sendEvent("done", mapper.writeValueAsString(SearchAnswer.of(result)));
        }
        client.close();
    }

    void resolve(Context ctx) {
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, "give the link as ?url=");
        }
        if (search.providers().stream()
                .noneMatch(p -> p.installed() && p.capabilities().contains("resolve-links"))) {
            throw new ApiException(404, ErrorCode.NOT_FOUND, "no installed provider resolves links: the operator can"
                    + " add links to search.enabled");
        }
        // Each failure its own status: the user's input (400), the hub's address rules (403), nothing
        // to play at the link (404), the site or the network (502).
        try {
            LinkResolution found = search.resolve(url.strip())
                    .orElseThrow(() -> new ApiException(404, ErrorCode.NOT_FOUND, "found nothing at the link: the page"
                            + " has no title, OpenGraph or JSON-LD data that names a track, album or playlist"));
            ctx.json(new ResolveAnswer(found.link(), found.kind().name().toLowerCase(Locale.ROOT), found.track(),
                    found.method()));
        } catch (InvalidLinkException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        } catch (BlockedAddressException e) {
            throw new ApiException(403, ErrorCode.FORBIDDEN, e.getMessage());
        } catch (ProviderException e) {
            throw new ApiException(502, ErrorCode.UPSTREAM_FAILED, e.getMessage());
        }
    }

    void listProviders(Context ctx) {
        ctx.json(search.providers());
    }

    private static SearchQuery query(Context ctx) {
        String text = ctx.queryParam("q");
        if (text == null || text.isBlank()) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, "give the search text as ?q=");
        }
        String limitText = ctx.queryParam("limit");
        int limit;
        try {
            limit = limitText == null ? DEFAULT_LIMIT : Integer.parseInt(limitText.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, "limit must be a whole number from 1 to "
                    + SearchQuery.MAX_LIMIT);
        }
        try {
            return new SearchQuery(text, limit);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
    }

    /** {@code providers=a,b} or {@code providers=a&providers=b}; none means every provider that searches. */
    private List<String> chosenProviders(Context ctx) {
        List<String> ids = ctx.queryParams("providers").stream()
                .flatMap(p -> Arrays.stream(p.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        // Only providers that search: "links" resolves links and has nothing to say about a query.
        List<String> searching = search.providers().stream()
                .filter(p -> p.installed() && p.capabilities().contains("search-tracks")).map(p -> p.id()).toList();
        for (String id : ids) {
            if (!searching.contains(id)) {
                throw new ApiException(400, ErrorCode.INVALID_FRAME, "no search provider '" + id + "'; installed: "
                        + searching);
            }
        }
        return ids;
    }
}
