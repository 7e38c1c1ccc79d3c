package dev.roadie.model.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roadie.model.music.Track;
import java.util.List;

/**
 * One provider's answer while a search goes on: a {@code provider} event of
 * {@code /api/search/stream}, and the body of a {@link HubRequests#SEARCH_PART} message.
 *
 * @param re     on the socket, the id of the search request it belongs to; absent in the REST stream
 * @param status how the provider did
 * @param tracks what it found
 */
public record SearchPart(@JsonInclude(JsonInclude.Include.NON_NULL) String re, ProviderOutcome status,
        List<Track> tracks) {

    /** The codec leaves an empty list out of the JSON: read back, it is empty, not null. */
    public SearchPart {
        tracks = tracks == null ? List.of() : tracks;
    }
}
