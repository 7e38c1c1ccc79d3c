package dev.roadie.search.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.model.music.Track;
import dev.roadie.search.http.RateLimiter;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.RateLimitedException;
import dev.roadie.search.spi.SearchQuery;
import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.FakeService.Answer;
import dev.roadie.search.testing.Fetchers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItunesProviderTest {

    private final FakeService itunes = new FakeService();
    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(20, Duration.ofMinutes(1), nanos::get);
    private final ItunesProvider provider = new ItunesProvider(itunes.baseUrl(), Fetchers.limited("iTunes", limiter));

    @AfterEach
    void stop() {
        itunes.close();
    }

    @Test
    void songs_become_tracks_and_other_kinds_are_skipped() throws Exception {
        itunes.onFixture("/search", "itunes-search.json");

        List<Track> tracks = provider.search(new SearchQuery("paper boats", 10));

        assertThat(tracks).hasSize(2);
        Track first = tracks.getFirst();
        assertThat(first.title()).isEqualTo("Paper Boats");
        assertThat(first.artist()).isEqualTo("Harbour Lights");
        assertThat(first.album()).isEqualTo("Low Tide");
        assertThat(first.durationMs()).isEqualTo(201_500);
        assertThat(first.uri()).isEqualTo("https://music.apple.com/us/album/paper-boats/222?i=333&uo=4");
        assertThat(first.artworkUrl()).endsWith("100x100bb.jpg");
        assertThat(first.source()).isEqualTo("itunes");
        assertThat(first.playable()).isFalse();
        assertThat(itunes.seen().getFirst().uri().getQuery())
                .contains("term=paper boats").contains("media=music").contains("entity=song").contains("limit=10");
    }

    @Test
    void html_in_a_title_is_returned_as_data() throws Exception {
        itunes.onFixture("/search", "itunes-search.json");

        assertThat(provider.search(new SearchQuery("paper boats", 10)).get(1).title())
                .isEqualTo("<b>Paper Boats</b> (Live)");
    }

    @Test
    void an_empty_result_is_an_empty_list() throws Exception {
        itunes.on("/search", Answer.json("\n\n\n{\n \"resultCount\":0,\n \"results\": []\n}\n\n\n"));

        assertThat(provider.search(new SearchQuery("nothing", 5))).isEmpty();
    }

    @Test
    void a_server_error_is_a_failure_with_the_status() {
        itunes.on("/search", Answer.status(500, Map.of()));

        assertThatThrownBy(() -> provider.search(new SearchQuery("x", 5)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("HTTP 500");
    }

    @Test
    void malformed_json_is_a_failure() {
        itunes.on("/search", Answer.json("{\"resultCount\":1, \"results\": [{\"trackName\":"));

        assertThatThrownBy(() -> provider.search(new SearchQuery("x", 5)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("malformed JSON");
    }

    @Test
    void retry_after_is_honoured_without_asking_the_service_again() {
        itunes.on("/search", Answer.status(429, Map.of("Retry-After", "120")));

        assertThatThrownBy(() -> provider.search(new SearchQuery("x", 5)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        assertThatThrownBy(() -> provider.search(new SearchQuery("x", 5)))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("rate limit");
        assertThat(itunes.seen()).hasSize(1);

        itunes.onFixture("/search", "itunes-search.json");
        nanos.addAndGet(Duration.ofSeconds(121).toNanos());
        assertThat(catching(() -> provider.search(new SearchQuery("x", 5)))).isNull();
        assertThat(itunes.seen()).hasSize(2);
    }

    private static Exception catching(ThrowingRunnable runnable) {
        try {
            runnable.run();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
