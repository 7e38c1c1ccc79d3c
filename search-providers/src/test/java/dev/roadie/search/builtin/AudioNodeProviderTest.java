package dev.roadie.search.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.model.music.Track;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchQuery;
import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.Fetchers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AudioNodeProviderTest {

    private final FakeService lavalink = new FakeService();
    private final NodeSource nodes = () -> List.of(new AudioNode("node-1", lavalink.baseUrl(), "youshallnotpass"));
    private final AudioNodeProvider youtube =
            new AudioNodeProvider("youtube", "YouTube", "ytsearch", nodes, Fetchers.plain("the audio node"));

    @AfterEach
    void stop() {
        lavalink.close();
    }

    @Test
    void searches_through_the_node_with_its_password_and_results_are_playable() throws Exception {
        lavalink.onFixture("/v4/loadtracks", "lavalink-search.json");

        List<Track> tracks = youtube.search(new SearchQuery("paper boats", 10));

        assertThat(tracks).hasSize(2).allSatisfy(t -> assertThat(t.playable()).isTrue());
        Track first = tracks.getFirst();
        assertThat(first.title()).isEqualTo("Paper Boats");
        assertThat(first.artist()).isEqualTo("Harbour Lights");
        assertThat(first.durationMs()).isEqualTo(202_000);
        assertThat(first.uri()).isEqualTo("https://www.youtube.com/watch?v=pb0001");
        assertThat(first.isrc()).isEqualTo("GBXYZ1100002");
        assertThat(tracks.get(1).durationMs()).as("a live stream has no length").isZero();
        FakeService.Seen request = lavalink.seen().getFirst();
        assertThat(request.uri().getQuery()).isEqualTo("identifier=ytsearch:paper boats");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("youshallnotpass");
    }

    @Test
    void soundcloud_uses_its_own_prefix() throws Exception {
        lavalink.onFixture("/v4/loadtracks", "lavalink-empty.json");
        AudioNodeProvider soundcloud =
                new AudioNodeProvider("soundcloud", "SoundCloud", "scsearch", nodes, Fetchers.plain("the audio node"));

        assertThat(soundcloud.search(new SearchQuery("boats", 3))).isEmpty();
        assertThat(lavalink.seen().getFirst().uri().getQuery()).isEqualTo("identifier=scsearch:boats");
    }

    @Test
    void a_load_error_is_a_failure_with_lavalinks_message() {
        lavalink.onFixture("/v4/loadtracks", "lavalink-error.json");

        assertThatThrownBy(() -> youtube.search(new SearchQuery("x", 3)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("Something went wrong while looking up the track.");
    }

    @Test
    void a_failing_node_is_skipped_for_the_next_one() throws Exception {
        try (FakeService blocked = new FakeService()) {
            blocked.onFixture("/v4/loadtracks", "lavalink-error.json");
            lavalink.onFixture("/v4/loadtracks", "lavalink-search.json");
            AudioNodeProvider failover = new AudioNodeProvider("youtube", "YouTube", "ytsearch",
                    () -> List.of(new AudioNode("blocked", blocked.baseUrl(), "a"),
                            new AudioNode("node-1", lavalink.baseUrl(), "b")), Fetchers.plain("the audio node"));

            assertThat(failover.search(new SearchQuery("paper boats", 10))).hasSize(2);
            assertThat(blocked.seen()).hasSize(1);
        }
    }

    @Test
    void when_every_node_fails_each_reason_is_given() {
        lavalink.onFixture("/v4/loadtracks", "lavalink-error.json");
        AudioNodeProvider two = new AudioNodeProvider("youtube", "YouTube", "ytsearch",
                () -> List.of(new AudioNode("a", lavalink.baseUrl(), "p"), new AudioNode("b", lavalink.baseUrl(), "p")),
                Fetchers.plain("the audio node"));

        assertThatThrownBy(() -> two.search(new SearchQuery("x", 3)))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("every audio node failed: audio node a could not search")
                .hasMessageContaining("audio node b could not search");
    }

    @Test
    void no_usable_node_is_a_failure_that_says_so() {
        AudioNodeProvider orphan =
                new AudioNodeProvider("youtube", "YouTube", "ytsearch", List::of, Fetchers.plain("the audio node"));

        assertThatThrownBy(() -> orphan.search(new SearchQuery("x", 3)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("no audio node is up");
    }

    @Test
    void the_password_never_appears_in_a_node_description() {
        assertThat(nodes.usableNodes().getFirst().toString()).doesNotContain("youshallnotpass");
    }
}
