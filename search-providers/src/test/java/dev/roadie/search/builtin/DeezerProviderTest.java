package dev.roadie.search.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.model.music.Track;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.RateLimitedException;
import dev.roadie.search.spi.SearchQuery;
import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.Fetchers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeezerProviderTest {

    private final FakeService deezer = new FakeService();
    private final DeezerProvider provider = new DeezerProvider(deezer.baseUrl(), Fetchers.plain("Deezer"));

    @AfterEach
    void stop() {
        deezer.close();
    }

    @Test
    void tracks_have_seconds_turned_into_milliseconds_and_escapes_decoded() throws Exception {
        deezer.onFixture("/search", "deezer-search.json");

        List<Track> tracks = provider.search(new SearchQuery("paper boats", 25));

        assertThat(tracks).extracting(Track::title).containsExactly("Paper Boats", "Café Lumière");
        Track first = tracks.getFirst();
        assertThat(first.artist()).isEqualTo("Harbour Lights");
        assertThat(first.album()).isEqualTo("Low Tide");
        assertThat(first.durationMs()).isEqualTo(202_000);
        assertThat(first.uri()).isEqualTo("https://www.deezer.com/track/9001");
        assertThat(first.artworkUrl()).contains("250x250");
        assertThat(first.source()).isEqualTo("deezer");
        assertThat(tracks.get(1).artist()).isEqualTo("Les Étoiles");
        assertThat(deezer.seen().getFirst().uri().getQuery()).contains("q=paper boats").contains("limit=25");
    }

    @Test
    void the_error_object_inside_http_200_is_a_failure() {
        deezer.onFixture("/search", "deezer-error.json");

        assertThatThrownBy(() -> provider.search(new SearchQuery("x", 5)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("ParameterException").hasMessageContaining("Wrong parameter")
                .hasMessageContaining("501");
    }

    @Test
    void the_quota_error_is_a_rate_limit() {
        deezer.onFixture("/search", "deezer-quota.json");

        assertThatThrownBy(() -> provider.search(new SearchQuery("x", 5)))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("Quota limit exceeded");
    }

    @Test
    void no_match_is_empty() throws Exception {
        deezer.onFixture("/search", "deezer-empty.json");

        assertThat(provider.search(new SearchQuery("x", 5))).isEmpty();
    }
}
