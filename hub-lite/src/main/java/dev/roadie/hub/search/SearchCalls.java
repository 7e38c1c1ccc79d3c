package dev.roadie.hub.search;

import dev.roadie.model.search.ProviderOutcome;
import dev.roadie.model.search.ResolveAnswer;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.search.SearchPart;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.search.federated.ProviderReport;
import dev.roadie.search.federated.ProviderStatus;
import dev.roadie.search.federated.SearchResult;
import dev.roadie.search.http.BlockedAddressException;
import dev.roadie.search.spi.InvalidLinkException;
import dev.roadie.search.spi.LinkKind;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Search, resolve and the provider list as callers see them, over REST ({@code /api/search} ...)
 * and over the socket (requests to {@code hub}) alike: the parameters checked, the answers in
 * their wire form, every refusal a {@link SearchRefusedException} with the same code and words.
 */
public final class SearchCalls {
    /** Results per provider when the caller names no limit. */
    public static final int DEFAULT_LIMIT = 20;

    private final HubSearch search;

    public SearchCalls(HubSearch search) {
        this.search = search;
    }

    /** A checked search: what to look for and through which providers (none: every one that searches). */
    public record Parameters(SearchQuery query, List<String> providers) {
    }

    /**
     * Checks a search's parameters as the caller gave them.
     *
     * @param text      the search text ({@code q})
     * @param limitText results per provider as text, null for {@link #DEFAULT_LIMIT}
     * @param providers provider ids, each entry possibly a comma-separated list
     * @throws SearchRefusedException {@code invalid-frame} saying what to send instead
     */
    public Parameters parameters(String text, String limitText, List<String> providers) {
        if (text == null || text.isBlank()) {
            throw invalid("give the search text as q (?q= over REST)");
        }
        int limit;
        try {
            limit = limitText == null ? DEFAULT_LIMIT : Integer.parseInt(limitText.strip());
        } catch (NumberFormatException e) {
            throw invalid("limit must be a whole number from 1 to " + SearchQuery.MAX_LIMIT);
        }
        SearchQuery query;
        try {
            query = new SearchQuery(text, limit);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return new Parameters(query, chosenProviders(providers));
    }

    /** Searches; {@code onPart} gets each provider's answer as it comes, on the searching thread. */
    public SearchAnswer search(Parameters parameters, Consumer<SearchPart> onPart) {
        SearchResult result = search.search(parameters.query(), parameters.providers(),
                answer -> onPart.accept(new SearchPart(null, outcome(answer.report()), answer.tracks())));
        boolean allFailed = !result.providers().isEmpty() && result.providers().stream()
                .allMatch(p -> p.status() == ProviderStatus.FAILED || p.status() == ProviderStatus.TIMED_OUT);
        return new SearchAnswer(result.query(), result.tracks(),
                result.providers().stream().map(SearchCalls::outcome).toList(), allFailed);
    }

    /**
     * Resolves a link to what it plays.
     *
     * @throws SearchRefusedException each failure its own status: the user's input (400), the hub's
     *                                address rules (403), nothing to play at the link (404), the site
     *                                or the network (502)
     */
    public ResolveAnswer resolve(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("give the link as url (?url= over REST)");
        }
        if (search.providers().stream()
                .noneMatch(p -> p.installed() && p.capabilities().contains("resolve-links"))) {
            throw new SearchRefusedException(404, ErrorCode.NOT_FOUND, "no installed provider resolves links: the"
                    + " operator can add links to search.enabled");
        }
        try {
            LinkResolution found = search.resolve(url.strip()).orElseThrow(this::nothingFound);
            return new ResolveAnswer(found.link(), found.kind().name().toLowerCase(Locale.ROOT), found.track(),
                    found.method(), found.tracks(), found.kind() == LinkKind.TRACK ? 0 : found.trackCount());
        } catch (InvalidLinkException e) {
            throw invalid(e.getMessage());
        } catch (BlockedAddressException e) {
            throw new SearchRefusedException(403, ErrorCode.FORBIDDEN, e.getMessage());
        } catch (ProviderException e) {
            throw new SearchRefusedException(502, ErrorCode.UPSTREAM_FAILED, e.getMessage());
        }
    }

    /**
     * Nothing at the link. Without the link resolver, the audio nodes still list YouTube and
     * SoundCloud playlists, and nothing else: then that, not the page, is why.
     */
    private SearchRefusedException nothingFound() {
        boolean linksInstalled = search.providers().stream().anyMatch(p -> p.installed() && p.id().equals("links"));
        return new SearchRefusedException(404, ErrorCode.NOT_FOUND, linksInstalled
                ? "found nothing at the link: the page has no title, OpenGraph or JSON-LD data that names a track,"
                        + " album or playlist"
                : "found nothing at the link: without links in search.enabled the hub resolves only YouTube and"
                        + " SoundCloud playlists, through an audio node; the operator can add links to search.enabled");
    }

    /** Every provider, installed or not, and every plug-in that failed to load. */
    public List<ProviderInfo> providers() {
        return search.providers();
    }

    /** {@code a,b} or {@code a} and {@code b}; none means every provider that searches. */
    private List<String> chosenProviders(List<String> given) {
        List<String> ids = given.stream()
                .flatMap(p -> Arrays.stream(p.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        // Only providers that search: "links" resolves links and has nothing to say about a query.
        List<String> searching = search.providers().stream()
                .filter(p -> p.installed() && p.capabilities().contains("search-tracks")).map(ProviderInfo::id).toList();
        for (String id : ids) {
            if (!searching.contains(id)) {
                throw invalid("no search provider '" + id + "'; installed: " + searching);
            }
        }
        return ids;
    }

    private static ProviderOutcome outcome(ProviderReport report) {
        return new ProviderOutcome(report.provider(),
                report.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), report.reason(), report.count(),
                report.latencyMs(), report.cached());
    }

    private static SearchRefusedException invalid(String message) {
        return new SearchRefusedException(400, ErrorCode.INVALID_FRAME, message);
    }
}
