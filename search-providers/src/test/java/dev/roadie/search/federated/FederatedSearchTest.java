package dev.roadie.search.federated;

import static dev.roadie.search.testing.StubProvider.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.roadie.model.music.Track;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchQuery;
import dev.roadie.search.testing.StubProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FederatedSearchTest {

    private final AtomicLong cacheNanos = new AtomicLong();
    private final CountDownLatch never = new CountDownLatch(1);
    private final List<FederatedSearch> searches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        never.countDown();
        searches.forEach(FederatedSearch::close);
    }

    private FederatedSearch search(SearchProvider... providers) {
        return search(SearchObserver.NONE, providers);
    }

    private FederatedSearch search(SearchObserver observer, SearchProvider... providers) {
        Ticker ticker = cacheNanos::get;
        FederatedSearch search = new FederatedSearch(List.of(providers), Map.of("silent", Duration.ofMillis(200)),
                Duration.ofSeconds(10), 100, Duration.ofMinutes(5), ticker, observer);
        searches.add(search);
        return search;
    }

    @Test
    void a_provider_that_never_answers_times_out_and_the_others_still_arrive() {
        FederatedSearch search = search(
                StubProvider.answering("deezer", List.of(track("Paper Boats", "Harbour Lights", 202_000, "deezer", null, false))),
                StubProvider.silent("silent", never),
                StubProvider.failing("itunes", "iTunes answered HTTP 500"),
                StubProvider.answering("radio", List.of()));

        SearchResult result = search.search(new SearchQuery("paper boats", 10), List.of(), a -> { });

        assertThat(result.tracks()).extracting(Track::title).containsExactly("Paper Boats");
        assertThat(result.providers()).extracting(ProviderReport::provider, ProviderReport::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("deezer", ProviderStatus.OK),
                org.assertj.core.groups.Tuple.tuple("silent", ProviderStatus.TIMED_OUT),
                org.assertj.core.groups.Tuple.tuple("itunes", ProviderStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("radio", ProviderStatus.EMPTY));
        assertThat(result.providers().get(1).reason()).isEqualTo("no answer within 200 ms");
        assertThat(result.providers().get(2).reason()).isEqualTo("iTunes answered HTTP 500");
    }

    @Test
    void answers_stream_one_per_provider_before_the_merged_result() {
        FederatedSearch search = search(
                StubProvider.answering("a", List.of(track("One", "X", 1000, "a", null, false))),
                StubProvider.failing("b", "down"),
                StubProvider.silent("silent", never));
        List<String> streamed = new CopyOnWriteArrayList<>();

        search.search(new SearchQuery("q", 5), List.of(), a -> streamed.add(a.report().provider()));

        assertThat(streamed).containsExactlyInAnyOrder("a", "b", "silent");
        assertThat(streamed.getLast()).as("the silent one comes last, when its deadline passes").isEqualTo("silent");
    }

    @Test
    void the_same_recording_found_twice_is_one_entry_ranked_first() {
        FederatedSearch search = search(
                StubProvider.answering("deezer", List.of(
                        track("Other Song", "Someone", 100_000, "deezer", null, false),
                        track("Paper Boats", "Harbour Lights", 202_000, "deezer", null, false))),
                StubProvider.answering("musicbrainz", List.of(
                        track("Paper Boats", "Harbour Lights", 201_000, "musicbrainz", "GBXYZ1100002", false))),
                StubProvider.answering("youtube", List.of(
                        track("Paper Boats", "Harbour Lights", 202_000, "youtube", "GBXYZ1100002", true))));

        SearchResult result = search.search(new SearchQuery("paper boats", 10), List.of(), a -> { });

        assertThat(result.tracks()).hasSize(2);
        Track merged = result.tracks().getFirst();
        assertThat(merged.title()).isEqualTo("Paper Boats");
        assertThat(merged.playable()).as("the playable copy represents the group").isTrue();
        assertThat(merged.source()).isEqualTo("youtube");
        assertThat(merged.isrc()).isEqualTo("GBXYZ1100002");
    }

    @Test
    void normalised_names_match_but_lengths_apart_do_not() {
        TrackMerger merger = new TrackMerger(TrackMerger.DEFAULT_TOLERANCE_MS);

        assertThat(merger.sameRecording(track("Café Lumière (Remastered 2011)", "Les Étoiles", 180_000, "a", null, false),
                track("cafe lumiere", "LES ETOILES", 181_500, "b", null, false))).isTrue();
        assertThat(merger.sameRecording(track("Paper Boats", "Harbour Lights", 202_000, "a", null, false),
                track("Paper Boats", "Harbour Lights", 245_000, "b", null, false))).as("the live version").isFalse();
        assertThat(merger.sameRecording(track("Money $1 (Live) [Remastered]", "A\\B", 0, "a", null, false),
                track("money $1 (live)", "A B", 0, "b", null, false))).as("replacement characters in titles").isTrue();
        assertThat(merger.sameRecording(track("Paper Boats (Live)", "Harbour Lights", 0, "a", null, false),
                track("Paper Boats", "Harbour Lights", 202_000, "b", null, false))).as("a live version").isFalse();
        assertThat(merger.sameRecording(track("Paper Boats", "Harbour Lights feat. Mira Sol", 202_000, "a", null, false),
                track("Paper Boats", "Harbour Lights", 202_000, "b", null, false))).as("a guest in the credit").isTrue();
        assertThat(merger.sameRecording(track("Paper Boats", "Harbour Lights", 202_000, "a", "GB1", false),
                track("Paper Boats", "Harbour Lights", 202_000, "b", "GB2", false))).as("different ISRCs").isFalse();
    }

    @Test
    void recent_queries_are_served_from_the_cache_until_they_expire() {
        StubProvider deezer = StubProvider.answering("deezer", List.of(track("Paper Boats", "H", 1, "deezer", null, false)));
        List<String> hits = new CopyOnWriteArrayList<>();
        FederatedSearch search = search(new SearchObserver() {
            @Override
            public void cacheHit(String provider) {
                hits.add(provider);
            }
        }, deezer);

        search.search(new SearchQuery("Paper Boats", 5), List.of(), a -> { });
        SearchResult second = search.search(new SearchQuery("paper boats", 5), List.of(), a -> { });

        assertThat(deezer.calls()).isEqualTo(1);
        assertThat(second.providers().getFirst().cached()).isTrue();
        assertThat(hits).containsExactly("deezer");
        cacheNanos.addAndGet(Duration.ofMinutes(6).toNanos());
        search.search(new SearchQuery("paper boats", 5), List.of(), a -> { });
        assertThat(deezer.calls()).isEqualTo(2);
    }

    @Test
    void a_provider_that_fails_without_a_message_is_never_reported_as_null() {
        FederatedSearch search = search(StubProvider.failing("plugin", null));

        SearchResult result = search.search(new SearchQuery("x", 5), List.of(), a -> { });

        assertThat(result.providers().getFirst().reason()).isEqualTo("it failed without saying why (see the hub log)");
    }

    @Test
    void failures_are_not_cached() {
        StubProvider broken = StubProvider.failing("itunes", "down");
        FederatedSearch search = search(broken);

        search.search(new SearchQuery("x", 5), List.of(), a -> { });
        search.search(new SearchQuery("x", 5), List.of(), a -> { });

        assertThat(broken.calls()).isEqualTo(2);
    }

    @Test
    void only_the_chosen_providers_are_asked_and_unknown_ones_are_refused() {
        StubProvider a = StubProvider.answering("a", List.of());
        StubProvider b = StubProvider.answering("b", List.of());
        FederatedSearch search = search(a, b);

        search.search(new SearchQuery("x", 5), List.of("b"), x -> { });

        assertThat(a.calls()).isZero();
        assertThat(b.calls()).isEqualTo(1);
        assertThatThrownBy(() -> search.search(new SearchQuery("x", 5), List.of("spotify"), x -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spotify").hasMessageContaining("[a, b]");
    }

    @Test
    void the_merged_list_respects_the_limit() {
        FederatedSearch search = search(StubProvider.answering("a", List.of(
                track("1", "x", 1, "a", null, false), track("2", "x", 1, "a", null, false),
                track("3", "x", 1, "a", null, false))));

        assertThat(search.search(new SearchQuery("x", 2), List.of(), a -> { }).tracks()).hasSize(2);
    }

    @Test
    void a_provider_that_throws_unexpectedly_is_reported_not_fatal() {
        FederatedSearch search = search(new StubProvider("buggy", q -> {
            throw new IllegalStateException("oops");
        }), StubProvider.answering("ok", List.of(track("T", "A", 1, "ok", null, false))));

        SearchResult result = search.search(new SearchQuery("x", 5), List.of(), a -> { });

        assertThat(result.providers().getFirst().status()).isEqualTo(ProviderStatus.FAILED);
        assertThat(result.providers().getFirst().reason()).contains("oops");
        assertThat(result.tracks()).hasSize(1);
    }
}
