package dev.roadie.model.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of a {@link HubRequests#SEARCH} request: the parameters of {@code /api/search}.
 *
 * @param q         the search text
 * @param providers the providers to ask; empty or null asks every provider that searches
 * @param limit     most tracks, per provider and merged, 1 to 100; null for the hub's default (20)
 * @param stream    whether the hub sends each provider's answer as a {@link HubRequests#SEARCH_PART}
 *                  message as it comes, before the reply
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchRequest(String q, List<String> providers, Integer limit, boolean stream) {

    /** A search of {@code q} through every provider, with the hub's default limit. */
    public static SearchRequest of(String q) {
        return new SearchRequest(q, null, null, false);
    }

    /** The same search through only these providers. */
    public SearchRequest withProviders(List<String> ids) {
        return new SearchRequest(q, List.copyOf(ids), limit, stream);
    }

    /** The same search with at most {@code perProvider} results from each provider. */
    public SearchRequest withLimit(int perProvider) {
        return new SearchRequest(q, providers, perProvider, stream);
    }

    /** The same search, streamed or not. */
    public SearchRequest streamed(boolean streamed) {
        return new SearchRequest(q, providers, limit, streamed);
    }
}
