package dev.roadie.search.spi;

import dev.roadie.model.music.Track;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A music service that Roadie can search or ask about links. Built-ins and plug-ins alike
 * implement this; see {@code docs/PROVIDERS.md}.
 *
 * <p>Implementations are called from many threads at once and must be thread-safe. They block
 * while they wait for their service; the caller gives each call its own deadline and abandons
 * it when the deadline passes, so a provider must not hold locks across a network call.
 * Titles and names are returned as data, exactly as the service sent them: never interpret,
 * unescape or render them.
 */
public interface SearchProvider {

    /** A short stable id, lower case ("deezer"): used in settings, URLs and metric labels. */
    String id();

    /** The name shown to users ("Deezer"). */
    String displayName();

    /** What this provider can do. */
    Set<Capability> capabilities();

    /**
     * Searches for tracks. Only called when {@link #capabilities()} has {@link Capability#SEARCH_TRACKS}.
     *
     * @param query the text and the most tracks wanted
     * @return at most {@code query.limit()} tracks, best first; empty when nothing matched
     * @throws ProviderException when the service failed, refused or answered nonsense
     */
    default List<Track> search(SearchQuery query) throws ProviderException {
        throw new ProviderException(displayName() + " cannot search");
    }

    /**
     * Resolves a link. Only called when {@link #capabilities()} has {@link Capability#RESOLVE_LINKS}.
     *
     * @param link the link the user gave
     * @return what is behind it, or empty when the link is not one this provider knows
     * @throws ProviderException when the link is one it knows but it could not be resolved
     */
    default Optional<LinkResolution> resolve(String link) throws ProviderException {
        return Optional.empty();
    }
}
