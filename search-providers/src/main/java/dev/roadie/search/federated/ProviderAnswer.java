package dev.roadie.search.federated;

import dev.roadie.model.music.Track;
import java.util.List;

/**
 * What one provider answered, streamed as soon as it answers.
 *
 * @param report its status
 * @param tracks its tracks, in its own order (empty unless the status is ok)
 */
public record ProviderAnswer(ProviderReport report, List<Track> tracks) {

    /** Copies the list so that listeners cannot change what the search merges. */
    public ProviderAnswer {
        tracks = List.copyOf(tracks);
    }
}
