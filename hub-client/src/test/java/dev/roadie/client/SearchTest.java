package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.FixtureMusic;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.search.ResolveAnswer;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.search.SearchRequest;
import dev.roadie.model.wire.FrameCodec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Search and resolve over the client's one connection, against a real hub with fixture providers. */
class SearchTest {
    @TempDir
    Path data;
    final FixtureMusic music = new FixtureMusic();
    LiveHub hub;
    Clients clients;

    @BeforeEach
    void start() {
        hub = LiveHub.start(data, music.settings());
        clients = new Clients();
    }

    @AfterEach
    void stop() {
        clients.close();
        hub.close();
        music.close();
    }

    @Test
    void a_search_answers_what_the_rest_api_answers() throws Exception {
        RoadieClient client = clients.connect(hub, "alice", "desktop", "search");

        SearchAnswer answer = within(client.search(SearchRequest.of("paper boats")
                .withProviders(List.of("deezer", "itunes")).withLimit(5)));
        JsonNode rest = rest("/api/search?q=" + URLEncoder.encode("paper boats", StandardCharsets.UTF_8)
                + "&providers=deezer,itunes&limit=5");

        assertThat(answer.tracks().getFirst().title()).isEqualTo("Paper Boats");
        // The same JSON, field for field and in the same order, but for the timings.
        assertThat(withoutTimings(FrameCodec.DEFAULT.toTree(answer)).toString())
                .isEqualTo(withoutTimings(rest).toString());
    }

    @Test
    void a_streamed_search_hands_over_each_providers_answer_before_the_merged_one() throws Exception {
        RoadieClient client = clients.connect(hub, "alice", "desktop", "search");
        List<String> seen = new CopyOnWriteArrayList<>();

        CompletableFuture<SearchAnswer> search = client.searchStreaming(SearchRequest.of("boats")
                .withProviders(List.of("deezer", "itunes")), part -> seen.add(part.status().provider()));
        search.thenAccept(answer -> seen.add("answer"));
        SearchAnswer answer = within(search);

        await().atMost(Clients.WAIT).until(() -> seen.contains("answer"));
        assertThat(seen).hasSize(3).endsWith("answer").contains("deezer", "itunes");
        assertThat(answer.providers()).hasSize(2);
    }

    @Test
    void without_the_search_scope_search_and_resolve_fail_forbidden() {
        RoadieClient client = clients.connect(hub, "node", "audio-node", "announce:audio-node");

        assertFailsWith("forbidden", client.search(SearchRequest.of("boats")));
        assertFailsWith("forbidden", client.resolve("https://www.youtube.com/watch?v=pb0001"));
    }

    @Test
    void when_every_provider_fails_the_answer_says_so() throws Exception {
        RoadieClient client = clients.connect(hub, "alice", "desktop", "search");

        SearchAnswer answer = within(client.search(SearchRequest.of("boats").withProviders(List.of("itunes"))));

        assertThat(answer.allFailed()).isTrue();
        assertThat(answer.tracks()).isEmpty();
        assertThat(answer.providers().getFirst().status()).isEqualTo("failed");
    }

    @Test
    void an_album_resolves_to_its_tracks_in_order() throws Exception {
        RoadieClient client = clients.connect(hub, "ext", "extension", "search");

        ResolveAnswer album = within(client.resolve(music.url("/album")));

        assertThat(album.kind()).isEqualTo("album");
        assertThat(album.trackCount()).isEqualTo(2);
        assertThat(album.tracks()).extracting(t -> t.title() + " / " + t.artist() + " / " + t.durationMs())
                .containsExactly("Paper Boats / Harbour Lights / 202000", "Night Ferry / Harbour Lights / 0");
    }

    @Test
    void a_link_that_resolves_to_nothing_fails_not_found() {
        RoadieClient client = clients.connect(hub, "ext", "extension", "search");

        CompletableFuture<ResolveAnswer> resolved = client.resolve(music.url("/blank"));

        assertFailsWith("not-found", resolved);
        assertThatThrownBy(() -> within(resolved)).hasRootCauseMessage("found nothing at the link: the page has no"
                + " title, OpenGraph or JSON-LD data that names a track, album or playlist");
    }

    @Test
    void an_unknown_provider_fails_with_the_hubs_advice() {
        RoadieClient client = clients.connect(hub, "alice", "desktop", "search");

        CompletableFuture<SearchAnswer> search = client.search(SearchRequest.of("boats").withProviders(List.of("napster")));

        assertFailsWith("invalid-frame", search);
        assertThatThrownBy(() -> within(search)).rootCause().hasMessageContaining("napster").hasMessageContaining("deezer");
    }

    private static void assertFailsWith(String code, CompletableFuture<?> future) {
        assertThatThrownBy(() -> within(future)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RequestFailedException.class)
                .satisfies(e -> assertThat(((RequestFailedException) e).code()).isEqualTo(code));
    }

    private static <T> T within(CompletableFuture<T> future) throws Exception {
        return future.get(Clients.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private JsonNode rest(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + hub.port() + path)).header("Authorization", "Bearer " + hub.token("bob", "desktop", "search"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return FrameCodec.DEFAULT.mapper().readTree(response.body());
        }
    }

    /** The answer without what differs between two runs of the same search. */
    private static JsonNode withoutTimings(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        copy.get("providers").forEach(p -> ((ObjectNode) p).remove(List.of("latencyMs", "cached")));
        return copy;
    }
}
