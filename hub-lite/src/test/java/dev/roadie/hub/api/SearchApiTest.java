package dev.roadie.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.FakeMusicService;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.ErrorCode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Music search over the REST API of a real hub, with its providers pointed at local fake services. */
class SearchApiTest {

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    final FakeMusicService music = new FakeMusicService();
    Http http;
    WireClient node;

    void start(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("search.enabled", "youtube,deezer,itunes,links");
        settings.put("search.deezer.baseUrl", music.url("/deezer"));
        settings.put("search.itunes.baseUrl", music.url("/itunes"));
        settings.put("search.links.youtubeOembed", music.url("/oembed/youtube"));
        settings.putAll(extra);
        hub.start(settings);
        http = Http.to(hub);
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        music.close();
    }

    @Test
    void search_answers_merged_tracks_and_a_status_per_provider() {
        start(Map.of());
        music.json("/deezer/search", "deezer-search.json");
        music.answer("/itunes/search", new FakeMusicService.Answer(500, "text/plain", "oops"));
        String token = hub.token("alice", "desktop", "search");

        Http.Response response = http.get("/api/search?q=paper%20boats&providers=deezer,itunes&limit=5", token);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("query").asString()).isEqualTo("paper boats");
        assertThat(body.get("tracks").get(0).get("title").asString()).isEqualTo("Paper Boats");
        assertThat(body.get("tracks").get(0).get("source").asString()).isEqualTo("deezer");
        Map<String, String> statuses = new HashMap<>();
        body.get("providers").forEach(p -> statuses.put(p.get("provider").asString(), p.get("status").asString()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("deezer", "ok", "itunes", "failed"));
        assertThat(StreamSupport.stream(body.get("providers").spliterator(), false)
                .filter(p -> p.get("provider").asString().equals("itunes")).findFirst().orElseThrow()
                .get("reason").asString()).contains("HTTP 500");
    }

    @Test
    void the_stream_sends_one_event_per_provider_then_the_merged_answer() {
        start(Map.of());
        music.json("/deezer/search", "deezer-search.json");
        music.answer("/itunes/search", new FakeMusicService.Answer(200, "application/json",
                "\n\n\n{\n \"resultCount\":0,\n \"results\": []\n}\n\n\n"));

        Http.Response response = http.get("/api/search/stream?q=boats&providers=deezer&providers=itunes",
                hub.token("alice", "web", "search"), Map.of("Accept", "text/event-stream"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).as(response.toString()).startsWith("text/event-stream");
        List<String> events = response.body().lines().filter(l -> l.startsWith("event:")).map(l -> l.substring(6).strip())
                .toList();
        assertThat(events).containsExactly("provider", "provider", "done");
        assertThat(response.body()).contains("\"status\":\"empty\"").contains("\"status\":\"ok\"");
    }

    @Test
    void search_needs_the_search_scope_and_a_token() {
        start(Map.of());

        RestApiTest.assertError(http.get("/api/search?q=x", null), 401, ErrorCode.UNAUTHORIZED);
        RestApiTest.assertError(http.get("/api/search?q=x", hub.token("n", "audio-node", "registry", "announce:audio-node")), 403, ErrorCode.FORBIDDEN);
        RestApiTest.assertError(http.get("/api/search/stream?q=x", hub.token("n2", "audio-node", "registry",
                "announce:audio-node"), Map.of("Accept", "text/event-stream")), 403, ErrorCode.FORBIDDEN);
        RestApiTest.assertError(http.get("/api/resolve?url=x", hub.token("n3", "audio-node", "registry", "announce:audio-node")), 403,
                ErrorCode.FORBIDDEN);
        RestApiTest.assertError(http.get("/api/providers", hub.token("n4", "audio-node", "registry", "announce:audio-node")), 403, ErrorCode.FORBIDDEN);
    }

    @Test
    void bad_parameters_are_refused_with_what_to_send() {
        start(Map.of());
        String token = hub.token("alice", "desktop", "search");

        RestApiTest.assertError(http.get("/api/search", token), 400, ErrorCode.INVALID_FRAME);
        RestApiTest.assertError(http.get("/api/search?q=x&limit=500", token), 400, ErrorCode.INVALID_FRAME);
        RestApiTest.assertError(http.get("/api/search?q=x&limit=many", token), 400, ErrorCode.INVALID_FRAME);
        Http.Response unknown = http.get("/api/search?q=x&providers=napster", token);
        RestApiTest.assertError(unknown, 400, ErrorCode.INVALID_FRAME);
        assertThat(unknown.json().get("message").asString()).contains("napster").contains("deezer");
        RestApiTest.assertError(http.get("/api/search?q=x&providers=links", token), 400, ErrorCode.INVALID_FRAME);
        RestApiTest.assertError(http.get("/api/search/stream?q=x&providers=napster", token,
                Map.of("Accept", "text/event-stream")), 400, ErrorCode.INVALID_FRAME);
    }

    @Test
    void providers_lists_installed_and_left_out_ones() {
        start(Map.of());

        JsonNode list = http.get("/api/providers", hub.token("alice", "desktop", "search")).json();

        Map<String, Boolean> installed = new HashMap<>();
        list.forEach(p -> installed.put(p.get("id").asString(), p.path("installed").asBoolean(false)));
        assertThat(installed).containsEntry("deezer", true).containsEntry("links", true)
                .containsEntry("musicbrainz", false).containsEntry("radio-browser", false);
    }

    @Test
    void a_broken_plugin_is_listed_with_why_and_the_hub_runs() throws Exception {
        Path plugins = java.nio.file.Files.createDirectories(hub.data().resolve("my-plugins"));
        java.nio.file.Files.writeString(plugins.resolve("broken.jar"), "not a jar at all");
        start(Map.of("search.pluginFolder", plugins.toString()));

        JsonNode list = http.get("/api/providers", hub.token("alice", "desktop", "search")).json();

        JsonNode broken = StreamSupport.stream(list.spliterator(), false)
                .filter(p -> p.get("id").asString().startsWith("broken.jar")).findFirst().orElseThrow();
        assertThat(broken.get("origin").asString()).isEqualTo("plugin");
        assertThat(broken.path("installed").asBoolean(false)).isFalse();
        assertThat(broken.get("problem").asString()).isNotBlank();
        assertThat(http.get("/api/health", null).status()).isEqualTo(200);
    }

    @Test
    void youtube_search_goes_through_an_announced_audio_node_with_its_password() {
        start(Map.of("search.audioNodes.allowedAddresses", "127.0.0.1"));
        music.json("/v4/loadtracks", "lavalink-search.json");
        node = hub.client("lava-1", "audio-node", "announce:audio-node");
        long seq = node.sendNumbered(new Announce(0, "an-1", new ServiceDescriptor("audio-node", "lava-1",
                music.url(""), List.of("source:youtube"), Map.of(), Map.of("password", "s3cret"))));
        node.expectAck(seq);

        JsonNode body = http.get("/api/search?q=paper%20boats&providers=youtube", hub.token("bot", "music-bot", "search")).json();

        assertThat(body.get("tracks").get(0).get("playable").asBoolean()).isTrue();
        assertThat(body.get("tracks").get(0).get("uri").asString()).isEqualTo("https://www.youtube.com/watch?v=pb0001");
        FakeMusicService.Seen asked = music.seen().getFirst();
        assertThat(asked.query()).isEqualTo("identifier=ytsearch:paper boats");
        assertThat(asked.headers().get("Authorization")).containsExactly("s3cret");
        assertThat(body.toString()).doesNotContain("s3cret");
    }

    @Test
    void an_audio_node_announced_at_the_hubs_own_address_is_never_asked_and_users_see_a_generic_reason() {
        start(Map.of());
        music.json("/v4/loadtracks", "lavalink-search.json");
        announceNode(music.url(""));

        JsonNode youtube = youtubeStatus(http.get("/api/search?q=boats&providers=youtube",
                hub.token("bot", "music-bot", "search")).json());

        assertThat(youtube.get("status").asString()).isEqualTo("failed");
        assertThat(youtube.get("reason").asString())
                .isEqualTo("audio node lava-1 could not be searched: refused by the hub's address rules");
        assertThat(music.seen()).as("nothing was fetched from the internal address").isEmpty();
    }

    @Test
    void what_an_internal_service_behind_an_announced_endpoint_answers_never_reaches_the_user() {
        start(Map.of("search.audioNodes.allowedAddresses", "127.0.0.1"));
        music.answer("/v4/loadtracks", new FakeMusicService.Answer(200, "application/json",
                "{\"loadType\":\"error\",\"data\":{\"message\":\"ERR wrong password for redis at 10.0.0.7\"}}"));
        announceNode(music.url(""));
        String token = hub.token("bot", "music-bot", "search");

        JsonNode loadError = youtubeStatus(http.get("/api/search?q=boats&providers=youtube", token).json());
        music.answer("/v4/loadtracks", new FakeMusicService.Answer(500, "text/plain", "internal stack trace"));
        JsonNode serverError = youtubeStatus(http.get("/api/search?q=other&providers=youtube", token).json());

        assertThat(loadError.get("reason").asString())
                .isEqualTo("audio node lava-1 could not be searched: Lavalink could not load the search");
        assertThat(serverError.get("reason").asString())
                .isEqualTo("audio node lava-1 could not be searched: answered HTTP 500");
    }

    private void announceNode(String endpoint) {
        node = hub.client("lava-1", "audio-node", "announce:audio-node");
        long seq = node.sendNumbered(new Announce(0, "an-1", new ServiceDescriptor("audio-node", "lava-1",
                endpoint, List.of("source:youtube"), Map.of(), Map.of("password", "s3cret"))));
        node.expectAck(seq);
    }

    private static JsonNode youtubeStatus(JsonNode body) {
        return StreamSupport.stream(body.get("providers").spliterator(), false)
                .filter(p -> p.get("provider").asString().equals("youtube")).findFirst().orElseThrow();
    }

    @Test
    void resolve_turns_a_link_into_a_track() {
        start(Map.of("search.links.allowedAddresses", "127.0.0.1"));
        music.json("/oembed/youtube", "oembed-youtube.json");

        Http.Response response = http.get("/api/resolve?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3Dpb0001",
                hub.token("ext", "extension", "search"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("kind").asString()).isEqualTo("track");
        assertThat(body.get("method").asString()).isEqualTo("oembed");
        assertThat(body.get("track").get("title").asString()).isEqualTo("Harbour Lights - Paper Boats (Official Video)");
    }

    @Test
    void resolve_lists_a_youtube_playlist_s_tracks_through_an_announced_audio_node_cut_at_max_tracks() {
        start(Map.of("search.audioNodes.allowedAddresses", "127.0.0.1", "search.links.maxTracks", "2"));
        music.json("/v4/loadtracks", "lavalink-playlist.json");
        announceNode(music.url(""));

        Http.Response response = http.get("/api/resolve?url=https%3A%2F%2Fwww.youtube.com%2Fplaylist%3Flist%3DPLlowtide",
                hub.token("ext", "extension", "search"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("kind").asString()).isEqualTo("playlist");
        assertThat(body.get("method").asString()).isEqualTo("audio-node");
        assertThat(body.get("track").get("title").asString()).isEqualTo("Harbour Lights: Low Tide");
        assertThat(body.get("tracks")).extracting(t -> t.get("title").asString()).containsExactly("Paper Boats", "Night Ferry");
        assertThat(body.get("trackCount").asInt()).as("the whole list, beyond search.links.maxTracks").isEqualTo(3);
    }

    @Test
    void a_playlist_whose_provider_names_only_the_list_has_no_tracks() {
        start(Map.of("search.links.allowedAddresses", "127.0.0.1"));
        music.json("/oembed/youtube", "oembed-youtube.json");

        JsonNode body = http.get("/api/resolve?url=https%3A%2F%2Fwww.youtube.com%2Fplaylist%3Flist%3DPLlowtide",
                hub.token("ext", "extension", "search")).json();

        assertThat(body.get("kind").asString()).as(body.toString()).isEqualTo("playlist");
        assertThat(body.get("method").asString()).isEqualTo("oembed");
        assertThat(body.has("tracks")).as("no audio node is up to list it").isFalse();
        assertThat(body.has("trackCount")).isFalse();
    }

    @Test
    void without_the_link_resolver_only_playlists_resolve_and_other_links_say_why() {
        start(Map.of("search.enabled", "youtube", "search.audioNodes.allowedAddresses", "127.0.0.1"));
        music.json("/v4/loadtracks", "lavalink-playlist.json");
        announceNode(music.url(""));
        String token = hub.token("ext", "extension", "search");

        assertThat(http.get("/api/resolve?url=https%3A%2F%2Fwww.youtube.com%2Fplaylist%3Flist%3DPLlowtide", token)
                .json().get("tracks")).hasSize(3);
        Http.Response video = http.get("/api/resolve?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3Dpb0001", token);

        RestApiTest.assertError(video, 404, ErrorCode.NOT_FOUND);
        assertThat(video.json().get("message").asString()).contains("without links in search.enabled");
    }

    @Test
    void resolve_refuses_the_hubs_own_network() {
        start(Map.of());

        Http.Response response = http.get("/api/resolve?url=" + hub.baseUrl() + "/api/tokens", hub.token("ext", "extension", "search"));

        RestApiTest.assertError(response, 403, ErrorCode.FORBIDDEN);
        assertThat(response.json().get("message").asString()).contains("127.0.0.1");
    }

    @Test
    void a_failing_site_is_an_upstream_failure_that_names_the_status() {
        start(Map.of("search.links.allowedAddresses", "127.0.0.1"));
        music.answer("/page", new FakeMusicService.Answer(500, "text/html", "<h1>down</h1>"));

        Http.Response response = http.get("/api/resolve?url=" + music.url("/page"), hub.token("ext", "extension", "search"));

        RestApiTest.assertError(response, 502, ErrorCode.UPSTREAM_FAILED);
        assertThat(response.json().get("message").asString()).isEqualTo("the linked site answered HTTP 500");
    }

    @Test
    void text_that_is_not_a_link_is_invalid_input_not_an_upstream_failure() {
        start(Map.of());

        Http.Response response = http.get("/api/resolve?url=not-a-link", hub.token("ext", "extension", "search"));

        RestApiTest.assertError(response, 400, ErrorCode.INVALID_FRAME);
        assertThat(response.json().get("message").asString()).startsWith("that is not a link");
    }

    @Test
    void a_host_that_does_not_resolve_is_an_upstream_failure_that_says_so_not_a_refusal() {
        start(Map.of());

        Http.Response response = http.get("/api/resolve?url=https%3A%2F%2Fnowhere.invalid%2Ftrack",
                hub.token("ext", "extension", "search"));

        RestApiTest.assertError(response, 502, ErrorCode.UPSTREAM_FAILED);
        assertThat(response.json().get("message").asString()).isEqualTo("the host nowhere.invalid does not resolve");
    }

    @Test
    void a_refusal_by_the_address_rules_names_the_setting_that_allows_it() {
        start(Map.of());

        Http.Response response = http.get("/api/resolve?url=http%3A%2F%2F10.0.0.1%2Fadmin",
                hub.token("ext", "extension", "search"));

        RestApiTest.assertError(response, 403, ErrorCode.FORBIDDEN);
        assertThat(response.json().get("message").asString()).contains("10.0.0.1")
                .contains("search.links.allowedAddresses");
    }

    @Test
    void a_page_that_names_nothing_to_play_is_not_found() {
        start(Map.of("search.links.allowedAddresses", "127.0.0.1"));
        music.answer("/blank", new FakeMusicService.Answer(200, "text/html", "<html><body></body></html>"));

        Http.Response response = http.get("/api/resolve?url=" + music.url("/blank"), hub.token("ext", "extension", "search"));

        RestApiTest.assertError(response, 404, ErrorCode.NOT_FOUND);
        assertThat(response.json().get("message").asString()).startsWith("found nothing at the link");
    }

    @Test
    void without_the_links_provider_resolving_is_not_found_and_names_the_setting() {
        start(Map.of("search.enabled", "deezer"));

        Http.Response response = http.get("/api/resolve?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3Dpb0001",
                hub.token("ext", "extension", "search"));

        RestApiTest.assertError(response, 404, ErrorCode.NOT_FOUND);
        assertThat(response.json().get("message").asString()).contains("search.enabled");
    }

    @Test
    void when_every_provider_failed_the_answer_says_so_and_nothing_found_does_not() {
        start(Map.of());
        music.answer("/deezer/search", new FakeMusicService.Answer(500, "text/plain", "oops"));
        music.answer("/itunes/search", new FakeMusicService.Answer(503, "text/plain", "oops"));
        String token = hub.token("alice", "desktop", "search");

        JsonNode failed = http.get("/api/search?q=daft%20punk&providers=deezer,itunes", token).json();
        music.answer("/itunes/search", new FakeMusicService.Answer(200, "application/json",
                "{\"resultCount\":0,\"results\":[]}"));
        JsonNode empty = http.get("/api/search?q=daft%20punk%202&providers=deezer,itunes", token).json();

        assertThat(failed.path("tracks")).isEmpty();
        assertThat(failed.path("allFailed").asBoolean()).isTrue();
        assertThat(empty.path("tracks")).isEmpty();
        assertThat(empty.path("allFailed").asBoolean()).isFalse();
    }

    @Test
    void metrics_count_requests_failures_and_cache_hits_per_provider() {
        start(Map.of());
        music.json("/deezer/search", "deezer-search.json");
        music.answer("/itunes/search", new FakeMusicService.Answer(500, "text/plain", "oops"));
        String token = hub.token("alice", "desktop", "search");
        http.get("/api/search?q=boats&providers=deezer,itunes", token);
        http.get("/api/search?q=boats&providers=deezer", token);

        String metrics = http.get("/metrics", hub.adminToken()).body();

        assertThat(metrics).contains("roadie_search_provider_requests_total{provider=\"deezer\"} 1.0")
                .contains("roadie_search_provider_failures_total{provider=\"itunes\",status=\"failed\"} 1.0")
                .contains("roadie_search_cache_hits_total{provider=\"deezer\"} 1.0")
                .contains("roadie_search_provider_duration_seconds_count{provider=\"deezer\"} 1");
    }
}
