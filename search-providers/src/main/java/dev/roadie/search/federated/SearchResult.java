package dev.roadie.search.federated;

import dev.roadie.model.music.Track;
import java.util.List;

/**
 * The merged answer of a federated search.
 *
 * @param query     the text searched for
 * @param tracks    merged, de-duplicated and ranked tracks
 * @param providers one report per provider asked, in the order they were asked
 */
public record SearchResult(String query, List<Track> tracks, List<ProviderReport> providers) {

    /** Copies the lists. */
    public SearchResult {
        tracks = List.copyOf(tracks);
        providers = List.copyOf(providers);
    }
}
