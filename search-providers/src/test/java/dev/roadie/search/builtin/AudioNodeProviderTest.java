package dev.roadie.search.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.model.music.Track;
import dev.roadie.search.http.AddressGuard;
import dev.roadie.search.http.AllowedAddresses;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.HostResolver;
import dev.roadie.search.spi.LinkKind;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchQuery;
import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.FakeService.Answer;
import dev.roadie.search.testing.Fetchers;
import dev.roadie.search.testing.LogLines;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
    void a_load_error_tells_users_that_lavalink_could_not_load_and_the_log_what_it_said() {
        lavalink.onFixture("/v4/loadtracks", "lavalink-error.json");

        try (LogLines logs = new LogLines(AudioNodeProvider.class)) {
            assertThatThrownBy(() -> youtube.search(new SearchQuery("x", 3)))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage("audio node node-1 could not be searched: Lavalink could not load the search");
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .contains("node-1").contains("Something went wrong while looking up the track."));
        }
    }

    @Test
    void fields_of_whatever_answers_at_the_endpoint_are_never_echoed_to_users() {
        // An endpoint pointing at some internal JSON service: its fields must not reach the search user.
        lavalink.on("/v4/loadtracks", Answer.json("{\"loadType\":\"error\",\"data\":{\"message\":\"db-password=hunter2\"}}"));
        assertThatThrownBy(() -> youtube.search(new SearchQuery("x", 3)))
                .isInstanceOf(ProviderException.class).message().doesNotContain("hunter2");

        lavalink.on("/v4/loadtracks", Answer.json("{\"loadType\":\"redis_version:7.2\"}"));
        assertThatThrownBy(() -> youtube.search(new SearchQuery("x", 3)))
                .isInstanceOf(ProviderException.class)
                .hasMessage("audio node node-1 could not be searched: it answered something that is not a Lavalink"
                        + " search result");

        lavalink.on("/v4/loadtracks", new Answer(500, Map.of("Content-Type", "text/plain"),
                "stack trace of the internal service".getBytes(StandardCharsets.UTF_8), false));
        assertThatThrownBy(() -> youtube.search(new SearchQuery("x", 3)))
                .isInstanceOf(ProviderException.class)
                .hasMessage("audio node node-1 could not be searched: answered HTTP 500");
    }

    @Test
    void a_closed_port_says_only_that_the_connection_to_the_node_was_refused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        AudioNodeProvider provider = new AudioNodeProvider("youtube", "YouTube", "ytsearch",
                () -> List.of(new AudioNode("gone", URI.create("http://127.0.0.1:" + closed), "p")), guarded("127.0.0.1"));

        assertThatThrownBy(() -> provider.search(new SearchQuery("x", 3)))
                .isInstanceOf(ProviderException.class)
                .hasMessage("audio node gone could not be searched: the node could not be reached: the connection was"
                        + " refused");
    }

    @Test
    void a_node_at_an_internal_address_is_refused_by_default_never_asked_and_the_log_names_the_setting() {
        lavalink.onFixture("/v4/loadtracks", "lavalink-search.json");
        AudioNodeProvider provider = new AudioNodeProvider("youtube", "YouTube", "ytsearch", nodes, guarded("none"));

        try (LogLines logs = new LogLines(AudioNodeProvider.class)) {
            assertThatThrownBy(() -> provider.search(new SearchQuery("x", 3)))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage("audio node node-1 could not be searched: refused by the hub's address rules");
            assertThat(lavalink.seen()).isEmpty();
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("node-1").contains("127.0.0.1")
                    .contains("search.audioNodes.allowedAddresses").contains("127.0.0.1:" + lavalink.baseUrl().getPort()));
        }
    }

    @Test
    void a_node_on_an_allowed_network_and_port_is_searched() throws Exception {
        lavalink.onFixture("/v4/loadtracks", "lavalink-search.json");
        int port = lavalink.baseUrl().getPort();

        assertThat(new AudioNodeProvider("youtube", "YouTube", "ytsearch", nodes, guarded("127.0.0.0/8:" + port))
                .search(new SearchQuery("paper boats", 10))).hasSize(2);
        assertThatThrownBy(() -> new AudioNodeProvider("youtube", "YouTube", "ytsearch", nodes,
                guarded("127.0.0.1:" + (port == 65535 ? 1 : port + 1))).search(new SearchQuery("paper boats", 10)))
                .as("another port of the same address is not allowed")
                .hasMessageContaining("refused by the hub's address rules");
    }

    private static Fetcher guarded(String allowedAddresses) {
        return new Fetcher(Fetchers.CLIENTS, "the node", Fetchers.policy(), null, new AddressGuard(HostResolver.SYSTEM,
                AllowedAddresses.parse("search.audioNodes.allowedAddresses", allowedAddresses)));
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
                .hasMessage("every audio node failed: audio node a could not be searched: Lavalink could not load the"
                        + " search; audio node b could not be searched: Lavalink could not load the search");
    }

    @Test
    void no_usable_node_is_a_failure_that_says_so() {
        AudioNodeProvider orphan =
                new AudioNodeProvider("youtube", "YouTube", "ytsearch", List::of, Fetchers.plain("the audio node"));

        assertThatThrownBy(() -> orphan.search(new SearchQuery("x", 3)))
                .isInstanceOf(ProviderException.class).hasMessage("no audio node is up, and YouTube is searched"
                        + " through one: start an audio node, or wait for one to connect");
        assertThat(orphan.displayName()).isEqualTo("YouTube (through audio nodes)");
    }

    @Test
    void a_youtube_playlist_link_is_listed_as_the_node_loads_it() throws Exception {
        lavalink.onFixture("/v4/loadtracks", "lavalink-playlist.json");

        LinkResolution found = youtube.resolve("https://www.youtube.com/playlist?list=PLlowtide").orElseThrow();

        assertThat(found.kind()).isEqualTo(LinkKind.PLAYLIST);
        assertThat(found.method()).isEqualTo("audio-node");
        assertThat(found.track().title()).isEqualTo("Harbour Lights: Low Tide");
        assertThat(found.track().durationMs()).as("the whole list's length").isEqualTo(757_000);
        assertThat(found.tracks()).extracting(Track::title).containsExactly("Paper Boats", "Night Ferry", "Low Tide");
        assertThat(found.tracks()).allSatisfy(t -> assertThat(t.playable()).isTrue());
        assertThat(found.trackCount()).isEqualTo(3);
        assertThat(lavalink.seen().getFirst().uri().getQuery())
                .isEqualTo("identifier=https://www.youtube.com/playlist?list=PLlowtide");
    }

    @Test
    void a_playlist_is_cut_at_the_bound_but_counted_in_full() throws Exception {
        lavalink.onFixture("/v4/loadtracks", "lavalink-playlist.json");
        AudioNodeProvider bounded = new AudioNodeProvider("youtube", "YouTube", "ytsearch", nodes,
                Fetchers.plain("the audio node"), 1);

        LinkResolution found = bounded.resolve("https://www.youtube.com/playlist?list=PLlowtide").orElseThrow();

        assertThat(found.tracks()).extracting(Track::title).containsExactly("Paper Boats");
        assertThat(found.trackCount()).isEqualTo(3);
    }

    @Test
    void a_track_link_another_service_s_link_or_a_failing_node_is_left_to_the_link_resolver() throws Exception {
        lavalink.onFixture("/v4/loadtracks", "lavalink-playlist.json");
        assertThat(youtube.resolve("https://www.youtube.com/watch?v=pb0001")).isEmpty();
        assertThat(youtube.resolve("https://soundcloud.com/harbourlights/sets/summer")).isEmpty();
        assertThat(lavalink.seen()).as("neither is loaded").isEmpty();

        lavalink.onFixture("/v4/loadtracks", "lavalink-error.json");
        assertThat(youtube.resolve("https://www.youtube.com/playlist?list=PLlowtide")).isEmpty();
        AudioNodeProvider orphan =
                new AudioNodeProvider("youtube", "YouTube", "ytsearch", List::of, Fetchers.plain("the audio node"));
        assertThat(orphan.resolve("https://www.youtube.com/playlist?list=PLlowtide")).isEmpty();
    }

    @Test
    void the_password_never_appears_in_a_node_description() {
        assertThat(nodes.usableNodes().getFirst().toString()).doesNotContain("youshallnotpass");
    }
}
