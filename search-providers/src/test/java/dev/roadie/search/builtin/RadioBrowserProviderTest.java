package dev.roadie.search.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.music.Track;
import dev.roadie.search.spi.SearchQuery;
import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.Fetchers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RadioBrowserProviderTest {

    private final FakeService radio = new FakeService();
    private final RadioBrowserProvider provider = new RadioBrowserProvider(radio.baseUrl(), Fetchers.plain("Radio"));

    @AfterEach
    void stop() {
        radio.close();
    }

    @Test
    void stations_are_playable_streams_preferring_the_resolved_url() throws Exception {
        radio.onFixture("/json/stations/search", "radiobrowser-stations.json");

        List<Track> stations = provider.search(new SearchQuery("harbour", 10));

        assertThat(stations).extracting(Track::title).containsExactly("Harbour FM", "Harbour Jazz");
        assertThat(stations.getFirst().uri()).isEqualTo("http://edge1.harbour.example/live.mp3?session=1");
        assertThat(stations.get(1).uri()).isEqualTo("http://stream.harbour.example/jazz.aac");
        assertThat(stations).allSatisfy(s -> {
            assertThat(s.playable()).isTrue();
            assertThat(s.durationMs()).isZero();
            assertThat(s.artist()).isNull();
            assertThat(s.source()).isEqualTo("radio-browser");
        });
        assertThat(stations.get(1).artworkUrl()).isNull();
        assertThat(radio.seen().getFirst().uri().getQuery()).contains("name=harbour").contains("hidebroken=true");
    }
}
