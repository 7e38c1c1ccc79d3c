package dev.roadie.search.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.music.Track;
import dev.roadie.search.http.FetchPolicy;
import dev.roadie.search.spi.SearchQuery;
import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.Fetchers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MusicBrainzProviderTest {

    private final FakeService musicbrainz = new FakeService();
    private final MusicBrainzProvider provider =
            new MusicBrainzProvider(musicbrainz.baseUrl(), Fetchers.plain("MusicBrainz"));

    @AfterEach
    void stop() {
        musicbrainz.close();
    }

    @Test
    void recordings_carry_isrc_credit_and_first_release() throws Exception {
        musicbrainz.onFixture("/ws/2/recording", "musicbrainz-recordings.json");

        List<Track> tracks = provider.search(new SearchQuery("paper boats", 10));

        assertThat(tracks).hasSize(2);
        Track first = tracks.getFirst();
        assertThat(first.title()).isEqualTo("Paper Boats");
        assertThat(first.artist()).isEqualTo("Harbour Lights feat. Mira Sol");
        assertThat(first.album()).isEqualTo("Low Tide");
        assertThat(first.durationMs()).isEqualTo(201_000);
        assertThat(first.isrc()).isEqualTo("GBXYZ1100002");
        assertThat(first.uri()).isEqualTo("https://musicbrainz.org/recording/6f1c0c1e-1111-4a4a-9d9d-000000000001");
        Track demo = tracks.get(1);
        assertThat(demo.durationMs()).isZero();
        assertThat(demo.isrc()).isNull();
        assertThat(demo.album()).isNull();
    }

    @Test
    void asks_for_json_with_a_real_user_agent() throws Exception {
        musicbrainz.onFixture("/ws/2/recording", "musicbrainz-recordings.json");

        provider.search(new SearchQuery("paper boats", 10));

        FakeService.Seen request = musicbrainz.seen().getFirst();
        assertThat(request.uri().getQuery()).contains("fmt=json").contains("query=paper boats");
        assertThat(request.headers().getFirst("User-Agent")).isEqualTo(FetchPolicy.DEFAULT_USER_AGENT)
                .startsWith("Roadie/");
    }
}
