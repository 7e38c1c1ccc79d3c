package dev.roadie.search.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.search.http.AddressGuard;
import dev.roadie.search.http.AllowedAddresses;
import dev.roadie.search.http.BlockedAddressException;
import dev.roadie.search.http.FetchPolicy;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.HostResolver;
import dev.roadie.search.spi.InvalidLinkException;
import dev.roadie.search.spi.LinkKind;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.FakeService.Answer;
import dev.roadie.search.testing.Fetchers;
import dev.roadie.search.testing.Fixtures;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinkResolverTest {

    private final FakeService web = new FakeService();
    private final OEmbedEndpoints endpoints = new OEmbedEndpoints(web.url("/oembed/youtube"),
            web.url("/oembed/soundcloud"), web.url("/oembed/spotify"), web.url("/oembed/vimeo.json"));
    private static final FetchPolicy POLICY = new FetchPolicy(Duration.ofSeconds(5), 64_000, 3, FetchPolicy.DEFAULT_USER_AGENT);
    /** Only the tests that must fetch from the local server allow 127.0.0.1, and nothing else. */
    /** One for the class: each fetcher starts an HTTP client on the tests' shared, bounded thread pool. */
    private static final Fetcher LOOPBACK_FETCHER = Fetchers.guardedAllowingLoopback(POLICY);
    private final LinkResolver resolver = new LinkResolver(endpoints, LOOPBACK_FETCHER);

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void a_youtube_video_is_resolved_through_oembed() throws Exception {
        web.onFixture("/oembed/youtube", "oembed-youtube.json");

        LinkResolution found = resolve("https://www.youtube.com/watch?v=pb0001");

        assertThat(found.kind()).isEqualTo(LinkKind.TRACK);
        assertThat(found.method()).isEqualTo("oembed");
        assertThat(found.track().title()).isEqualTo("Harbour Lights - Paper Boats (Official Video)");
        assertThat(found.track().artist()).isEqualTo("HarbourLightsVEVO");
        assertThat(found.track().artworkUrl()).isEqualTo("https://i.ytimg.com/vi/pb0001/hqdefault.jpg");
        assertThat(found.track().source()).isEqualTo("youtube");
        assertThat(found.track().playable()).isTrue();
        assertThat(web.seen().getFirst().uri().getQuery())
                .contains("format=json").contains("url=https://www.youtube.com/watch?v=pb0001");
    }

    @Test
    void a_spotify_album_is_recognised_as_an_album_and_not_playable() throws Exception {
        web.onFixture("/oembed/spotify", "oembed-spotify-album.json");

        LinkResolution found = resolve("https://open.spotify.com/album/0LowTide0000000000000");

        assertThat(found.kind()).isEqualTo(LinkKind.ALBUM);
        assertThat(found.track().title()).isEqualTo("Low Tide");
        assertThat(found.track().playable()).isFalse();
    }

    @Test
    void a_soundcloud_set_and_a_youtube_playlist_are_playlists() throws Exception {
        web.onFixture("/oembed/soundcloud", "oembed-soundcloud.json");
        web.onFixture("/oembed/youtube", "oembed-youtube.json");

        assertThat(resolve("https://soundcloud.com/harbourlights/sets/summer").kind()).isEqualTo(LinkKind.PLAYLIST);
        assertThat(resolve("https://www.youtube.com/playlist?list=PL123").kind()).isEqualTo(LinkKind.PLAYLIST);
    }

    @Test
    void script_in_a_vimeo_title_is_returned_as_data() throws Exception {
        web.onFixture("/oembed/vimeo.json", "oembed-vimeo.json");

        LinkResolution found = resolve("https://vimeo.com/424242");

        assertThat(found.track().title()).isEqualTo("<script>alert('boats')</script> Paper Boats live");
        assertThat(found.track().durationMs()).isEqualTo(243_000);
    }

    @Test
    void a_music_page_is_read_from_its_json_ld() throws Exception {
        web.on("/track/paper-boats", Answer.html(Fixtures.text("bandcamp-track.html")));

        LinkResolution found = resolve(web.url("/track/paper-boats").toString());

        assertThat(found.method()).isEqualTo("json-ld");
        assertThat(found.kind()).isEqualTo(LinkKind.TRACK);
        assertThat(found.track().title()).isEqualTo("Paper Boats");
        assertThat(found.track().artist()).isEqualTo("Harbour Lights");
        assertThat(found.track().album()).isEqualTo("Low Tide");
        assertThat(found.track().durationMs()).as("Bandcamp's P00H03M22S").isEqualTo(202_000);
        assertThat(found.track().artworkUrl()).isEqualTo("https://f4.bcbits.com/img/a0000000001_10.jpg");
    }

    @Test
    void an_album_page_lists_its_tracks_in_order_by_the_album_artist() throws Exception {
        web.on("/album/low-tide", Answer.html(Fixtures.text("bandcamp-album.html")));

        LinkResolution found = resolve(web.url("/album/low-tide").toString());

        assertThat(found.kind()).isEqualTo(LinkKind.ALBUM);
        assertThat(found.track().title()).isEqualTo("Low Tide");
        assertThat(found.trackCount()).isEqualTo(3);
        assertThat(found.tracks()).extracting(t -> t.title()).containsExactly("Paper Boats", "Night Ferry", "Low Tide");
        assertThat(found.tracks()).allSatisfy(t -> {
            assertThat(t.artist()).isEqualTo("Harbour Lights");
            assertThat(t.album()).isEqualTo("Low Tide");
            assertThat(t.artworkUrl()).isEqualTo("https://f4.bcbits.com/img/a0000000001_10.jpg");
        });
        assertThat(found.tracks().get(1).durationMs()).isEqualTo(245_000);
        assertThat(found.tracks().get(1).uri()).isEqualTo("https://harbourlights.bandcamp.com/track/night-ferry");
    }

    @Test
    void a_long_list_is_cut_at_the_bound_and_says_how_many_it_has() throws Exception {
        web.on("/album/low-tide", Answer.html(Fixtures.text("bandcamp-album.html")));
        LinkResolver bounded = new LinkResolver(endpoints, LOOPBACK_FETCHER, 2);

        LinkResolution found = bounded.resolve(web.url("/album/low-tide").toString()).orElseThrow();

        assertThat(found.tracks()).extracting(t -> t.title()).containsExactly("Paper Boats", "Night Ferry");
        assertThat(found.trackCount()).isEqualTo(3);
    }

    @Test
    void a_playlist_of_recordings_without_addresses_lists_them_for_the_bot_to_search() throws Exception {
        web.on("/mix", Answer.html("<html><head><script type=\"application/ld+json\">"
                + "{\"@type\":[\"MusicPlaylist\"],\"name\":\"Sunday mix\",\"track\":["
                + "{\"@type\":\"MusicRecording\",\"name\":\"Paper Boats\",\"byArtist\":[{\"name\":\"Harbour Lights\"}],"
                + "\"url\":\"/songs/paper-boats\"},"
                + "{\"@type\":\"MusicRecording\",\"name\":\"Night Ferry\",\"byArtist\":{\"name\":\"The Fixtures\"}},"
                + "{\"@type\":\"MusicRecording\",\"url\":\"javascript:alert(1)\"}]}"
                + "</script></head></html>"));

        LinkResolution found = resolve(web.url("/mix").toString());

        assertThat(found.kind()).isEqualTo(LinkKind.PLAYLIST);
        assertThat(found.tracks()).extracting(t -> t.title() + " / " + t.artist())
                .as("a recording without a name is no track").containsExactly("Paper Boats / Harbour Lights",
                        "Night Ferry / The Fixtures");
        assertThat(found.tracks().getFirst().uri()).isEqualTo(web.url("/songs/paper-boats").toString());
        assertThat(found.tracks().get(1).uri()).isNull();
        assertThat(found.tracks()).allSatisfy(t -> assertThat(t.playable()).isFalse());
    }

    @Test
    void a_spotify_album_names_only_the_album_through_oembed() throws Exception {
        web.onFixture("/oembed/spotify", "oembed-spotify-album.json");

        LinkResolution found = resolve("https://open.spotify.com/album/0LowTide0000000000000");

        assertThat(found.tracks()).isEmpty();
        assertThat(found.trackCount()).isZero();
    }

    @Test
    void a_page_without_json_ld_is_read_from_opengraph_and_an_album_says_so() throws Exception {
        web.on("/album/low-tide", Answer.html("<html><head><meta property=\"og:title\" content=\"Low Tide &lt;deluxe&gt;\">"
                + "<meta property=\"og:type\" content=\"music.album\"><meta property=\"og:image\" content=\"https://img.example/lt.jpg\">"
                + "</head><body><script>document.title='x'</script></body></html>"));

        LinkResolution found = resolve(web.url("/album/low-tide").toString());

        assertThat(found.method()).isEqualTo("opengraph");
        assertThat(found.kind()).isEqualTo(LinkKind.ALBUM);
        assertThat(found.track().title()).isEqualTo("Low Tide <deluxe>");
        assertThat(found.track().artworkUrl()).isEqualTo("https://img.example/lt.jpg");
    }

    @Test
    void a_redirect_to_a_public_page_is_followed() throws Exception {
        web.on("/short", Answer.status(302, Map.of("Location", "/track/paper-boats")));
        web.on("/track/paper-boats", Answer.html(Fixtures.text("bandcamp-track.html")));

        assertThat(resolve(web.url("/short").toString()).track().title()).isEqualTo("Paper Boats");
    }

    @Test
    void loopback_is_refused_without_the_allowance_and_nothing_is_fetched() {
        web.on("/page", Answer.html("<title>secret</title>"));
        LinkResolver strict = new LinkResolver(endpoints, new Fetcher(Fetchers.CLIENTS, "the linked site", POLICY, null,
                new AddressGuard(HostResolver.SYSTEM, AllowedAddresses.none("search.links.allowedAddresses"))));

        assertThatThrownBy(() -> strict.resolve(web.url("/page").toString()))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("127.0.0.1");
        assertThat(web.seen()).isEmpty();
    }

    @Test
    void a_redirect_to_link_local_or_private_addresses_is_refused() {
        web.on("/to-metadata", Answer.status(302, Map.of("Location", "http://169.254.169.254/latest/meta-data/")));
        web.on("/to-lan", Answer.status(301, Map.of("Location", "http://10.0.0.1/admin")));

        assertThatThrownBy(() -> resolver.resolve(web.url("/to-metadata").toString()))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> resolver.resolve(web.url("/to-lan").toString()))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("10.0.0.1");
    }

    @Test
    void a_name_that_resolves_to_loopback_is_refused() {
        HostResolver rebinding = host -> host.equals("innocent.example")
                ? List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}))
                : HostResolver.SYSTEM.resolve(host);
        LinkResolver strict = new LinkResolver(endpoints, new Fetcher(Fetchers.CLIENTS, "the linked site", POLICY, null,
                new AddressGuard(rebinding, AllowedAddresses.none("search.links.allowedAddresses"))));

        assertThatThrownBy(() -> strict.resolve("http://innocent.example/page"))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("innocent.example");
    }

    @Test
    void a_host_that_does_not_resolve_is_said_so_and_is_not_called_a_refusal() {
        HostResolver nothing = host -> {
            throw new java.net.UnknownHostException(host);
        };
        LinkResolver resolver = new LinkResolver(endpoints, new Fetcher(Fetchers.CLIENTS, "the linked site", POLICY, null,
                new AddressGuard(nothing, AllowedAddresses.none("search.links.allowedAddresses"))));

        assertThatThrownBy(() -> resolver.resolve("https://bandcamp.example/track/x"))
                .isInstanceOf(ProviderException.class).isNotInstanceOf(BlockedAddressException.class)
                .hasMessage("the host bandcamp.example does not resolve");
    }

    @Test
    void redirects_are_bounded() {
        web.on("/loop", Answer.status(302, Map.of("Location", "/loop")));

        assertThatThrownBy(() -> resolver.resolve(web.url("/loop").toString()))
                .isInstanceOf(ProviderException.class).hasMessageContaining("redirected more than 3 times");
        assertThat(web.seen()).hasSize(4);
    }

    @Test
    void a_page_over_the_size_cap_is_refused() {
        web.on("/huge", Answer.html("<html><head><title>big</title></head><body>" + "x".repeat(100_000) + "</body></html>"));

        assertThatThrownBy(() -> resolver.resolve(web.url("/huge").toString()))
                .isInstanceOf(ProviderException.class).hasMessageContaining("larger than 64000 bytes");
    }

    @Test
    void a_page_that_never_answers_fails_within_the_deadline() {
        web.on("/slow", Answer.never());
        LinkResolver impatient = new LinkResolver(endpoints, Fetchers.guardedAllowingLoopback(
                new FetchPolicy(Duration.ofMillis(300), 64_000, 3, FetchPolicy.DEFAULT_USER_AGENT)));

        assertThatThrownBy(() -> impatient.resolve(web.url("/slow").toString()))
                .isInstanceOf(ProviderException.class).hasMessageContaining("did not answer within 300 ms");
    }

    @Test
    void something_that_is_not_a_web_page_is_refused() {
        web.on("/song.mp3", new Answer(200, Map.of("Content-Type", "audio/mpeg"), new byte[] {1, 2, 3}, false));

        assertThatThrownBy(() -> resolver.resolve(web.url("/song.mp3").toString()))
                .isInstanceOf(ProviderException.class).hasMessageContaining("not a web page");
    }

    @Test
    void non_http_links_are_refused_as_invalid_input() {
        assertThatThrownBy(() -> resolver.resolve("file:///etc/passwd"))
                .isInstanceOf(InvalidLinkException.class).hasMessageContaining("http or https");
    }

    @Test
    void text_that_is_not_a_link_is_invalid_input() {
        assertThatThrownBy(() -> resolver.resolve("not-a-link"))
                .isInstanceOf(InvalidLinkException.class).hasMessageStartingWith("that is not a link");
        assertThatThrownBy(() -> resolver.resolve("http://exa mple.com/"))
                .isInstanceOf(InvalidLinkException.class).hasMessageStartingWith("that is not a link");
    }

    private LinkResolution resolve(String link) throws ProviderException {
        return resolver.resolve(link).orElseThrow();
    }

    @Test
    void link_shapes_name_their_kind() {
        assertThat(KnownService.of(URI.create("https://harbourlights.bandcamp.com/album/low-tide"))
                .kindOf(URI.create("https://harbourlights.bandcamp.com/album/low-tide"))).isEqualTo(LinkKind.ALBUM);
        URI playlist = URI.create("https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M");
        assertThat(KnownService.of(playlist).kindOf(playlist)).isEqualTo(LinkKind.PLAYLIST);
        URI inList = URI.create("https://www.youtube.com/watch?v=pb0001&list=PL123");
        assertThat(KnownService.of(inList).kindOf(inList)).as("a video in a list is the video").isEqualTo(LinkKind.TRACK);
        URI shortLink = URI.create("https://youtu.be/pb0001");
        assertThat(KnownService.of(shortLink)).isEqualTo(KnownService.YOUTUBE);
    }
}
