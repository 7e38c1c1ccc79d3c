package dev.roadie.model.search;

import dev.roadie.model.music.Track;
import java.util.List;

/**
 * The answer of a search: the body of {@code /api/search}, of the stream's {@code done} event and
 * of the reply to a {@link HubRequests#SEARCH} request.
 *
 * @param allFailed tells "nothing was found" (some provider answered, with nothing) from "the
 *                  search could not be done" (every provider asked failed or timed out), which
 *                  an empty track list alone cannot
 */
public record SearchAnswer(String query, List<Track> tracks, List<ProviderOutcome> providers, boolean allFailed) {

    /** The codec leaves empty lists out of the JSON: read back, they are empty, not null. */
    public SearchAnswer {
        tracks = tracks == null ? List.of() : tracks;
        providers = providers == null ? List.of() : providers;
    }
}
