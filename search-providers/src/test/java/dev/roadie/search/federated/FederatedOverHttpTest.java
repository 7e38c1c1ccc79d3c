package dev.roadie.search.federated;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.roadie.search.builtin.DeezerProvider;
import dev.roadie.search.builtin.ItunesProvider;
import dev.roadie.search.builtin.MusicBrainzProvider;
import dev.roadie.search.spi.SearchQuery;
import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.FakeService.Answer;
import dev.roadie.search.testing.Fetchers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real providers over real HTTP: one service never answers, and the others still come back in time. */
class FederatedOverHttpTest {

    private final FakeService deezer = new FakeService();
    private final FakeService itunes = new FakeService();
    private final FakeService musicbrainz = new FakeService();

    @AfterEach
    void stop() {
        deezer.close();
        itunes.close();
        musicbrainz.close();
    }

    @Test
    void a_service_that_never_answers_times_out_while_the_others_merge_by_isrc() {
        deezer.onFixture("/search", "deezer-search.json");
        itunes.on("/search", Answer.never());
        musicbrainz.onFixture("/ws/2/recording", "musicbrainz-recordings.json");
        try (FederatedSearch search = new FederatedSearch(List.of(
                new DeezerProvider(deezer.baseUrl(), Fetchers.plain("Deezer")),
                new ItunesProvider(itunes.baseUrl(), Fetchers.plain("iTunes")),
                new MusicBrainzProvider(musicbrainz.baseUrl(), Fetchers.plain("MusicBrainz"))),
                Map.of("itunes", Duration.ofMillis(300)), Duration.ofSeconds(5), 10, Duration.ofMinutes(1),
                Ticker.systemTicker(), SearchObserver.NONE)) {

            SearchResult result = search.search(new SearchQuery("paper boats", 10), List.of(), a -> { });

            assertThat(result.providers()).extracting(ProviderReport::status)
                    .containsExactly(ProviderStatus.OK, ProviderStatus.TIMED_OUT, ProviderStatus.OK);
            // Deezer's "Paper Boats" (202 s) and MusicBrainz's (201 s, with ISRC) are one recording.
            assertThat(result.tracks()).filteredOn(t -> t.title().equals("Paper Boats")).singleElement()
                    .satisfies(t -> {
                        assertThat(t.isrc()).isEqualTo("GBXYZ1100002");
                        assertThat(t.source()).isEqualTo("deezer");
                    });
            assertThat(result.tracks()).hasSize(3);
        }
    }
}
