package dev.roadie.hub.hubcalls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.FakeMusicService;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.search.HubRequests;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Ping;
import dev.roadie.model.wire.Pong;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search, streamed search, resolve and the provider list as requests to {@code hub} over the
 * socket of a real hub, with providers pointed at a local fake service: the same answers,
 * refusals and limits as the REST routes.
 */
class SearchOverSocketTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    final FakeMusicService music = new FakeMusicService();
    final CountDownLatch slow = new CountDownLatch(1);
    Http http;

    void start(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("search.enabled", "deezer,itunes,links");
        settings.put("search.deezer.baseUrl", music.url("/deezer"));
        settings.put("search.itunes.baseUrl", music.url("/itunes"));
        settings.put("search.links.allowedAddresses", "127.0.0.1");
        // The answers of REST and socket are compared; a cached second answer would differ in "cached".
        settings.put("search.cacheSize", "0");
        settings.putAll(extra);
        hub.start(settings);
        http = Http.to(hub);
    }

    @AfterEach
    void stop() {
        slow.countDown();
        music.close();
    }

    @Test
    void a_search_over_the_socket_answers_what_the_rest_api_answers() {
        start(Map.of());
        music.json("/deezer/search", "deezer-search.json");
        music.answer("/itunes/search", new FakeMusicService.Answer(500, "text/plain", "oops"));
        WireClient client = hub.client("alice", "desktop", "search");

        Reply reply = ask(client, "s-1", HubRequests.SEARCH, body("q", "paper boats", "providers", "deezer,itunes",
                "limit", 5));
        JsonNode rest = http.get("/api/search?q=paper%20boats&providers=deezer,itunes&limit=5",
                hub.token("bob", "desktop", "search")).json();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.re()).isEqualTo("s-1");
        assertThat(withoutTimings(reply.body())).isEqualTo(withoutTimings(rest));
        assertThat(reply.body().get("tracks").get(0).get("title").asString()).isEqualTo("Paper Boats");
    }

    @Test
    void a_streamed_search_sends_each_providers_answer_before_the_reply() {
        start(Map.of());
        music.json("/deezer/search", "deezer-search.json");
        music.hold("/itunes/search", slow);
        music.answer("/itunes/search", new FakeMusicService.Answer(200, "application/json",
                "{\"resultCount\":0,\"results\":[]}"));
        WireClient client = hub.client("alice", "desktop", "search");

        client.sendNumbered(new Request(0, "s-2", null, Address.hub(), HubRequests.SEARCH,
                body("q", "boats", "providers", List.of("deezer", "itunes"), "stream", true), 0));
        Message first = client.expect(Message.class);
        assertThat(client.received()).as("no reply while itunes has not answered").noneMatch(Reply.class::isInstance);
        slow.countDown();
        Message second = client.expect(Message.class);
        Reply reply = client.expect(Reply.class);

        assertThat(List.of(first, second)).allSatisfy(part -> {
            assertThat(part.subject()).isEqualTo(HubRequests.SEARCH_PART);
            assertThat(part.body().get("re").asString()).isEqualTo("s-2");
        });
        assertThat(first.body().get("status").get("provider").asString()).isEqualTo("deezer");
        assertThat(first.body().get("tracks").get(0).get("title").asString()).isEqualTo("Paper Boats");
        assertThat(second.body().get("status").get("status").asString()).isEqualTo("empty");
        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.body().get("providers")).hasSize(2);
    }

    @Test
    void the_socket_goes_on_while_a_search_waits_for_a_provider() {
        start(Map.of());
        music.hold("/deezer/search", slow);
        music.json("/deezer/search", "deezer-search.json");
        WireClient client = hub.client("alice", "desktop", "search");

        client.sendNumbered(new Request(0, "s-3", null, Address.hub(), HubRequests.SEARCH, body("q", "boats",
                "providers", "deezer"), 0));
        client.sendFrame(new Ping(42));

        assertThat(client.expect(Pong.class, pong -> pong.ts() == 42)).isNotNull();
        assertThat(client.received()).noneMatch(Reply.class::isInstance);
        slow.countDown();
        assertThat(client.expect(Reply.class).status()).isEqualTo(ReplyStatus.OK);
    }

    @Test
    void without_the_search_scope_a_request_is_forbidden_as_over_rest() {
        start(Map.of());
        WireClient client = hub.client("node", "audio-node", "registry", "announce:audio-node");

        for (String subject : List.of(HubRequests.SEARCH, HubRequests.RESOLVE, HubRequests.PROVIDERS)) {
            Reply reply = ask(client, "f-" + subject, subject, body("q", "x", "url", "https://example.com/a"));

            assertThat(reply.status()).as(subject).isEqualTo(ReplyStatus.ERROR);
            assertThat(reply.error().code()).as(subject).isEqualTo(ErrorCode.FORBIDDEN.wire());
            assertThat(reply.error().message()).contains("search");
        }
    }

    @Test
    void when_every_provider_fails_the_answer_says_so_as_over_rest() {
        start(Map.of());
        music.answer("/deezer/search", new FakeMusicService.Answer(500, "text/plain", "oops"));
        music.answer("/itunes/search", new FakeMusicService.Answer(503, "text/plain", "oops"));
        WireClient client = hub.client("alice", "desktop", "search");

        Reply reply = ask(client, "s-4", HubRequests.SEARCH, body("q", "daft punk", "providers", "deezer,itunes"));

        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.body().get("allFailed").asBoolean()).isTrue();
        assertThat(reply.body().path("tracks")).isEmpty();
    }

    @Test
    void bad_parameters_are_refused_with_the_rest_apis_code_and_words() {
        start(Map.of());
        WireClient client = hub.client("alice", "desktop", "search");
        String token = hub.token("bob", "desktop", "search");

        Reply unknown = ask(client, "b-1", HubRequests.SEARCH, body("q", "x", "providers", List.of("napster")));
        Reply tooMany = ask(client, "b-2", HubRequests.SEARCH, body("q", "x", "limit", 500));
        Reply noText = ask(client, "b-3", HubRequests.SEARCH, body("limit", 5));

        JsonNode restUnknown = http.get("/api/search?q=x&providers=napster", token).json();
        assertThat(unknown.error().code()).isEqualTo(ErrorCode.INVALID_FRAME.wire());
        assertThat(unknown.error().message()).isEqualTo(restUnknown.get("message").asString()).contains("deezer");
        assertThat(tooMany.error().message()).isEqualTo(http.get("/api/search?q=x&limit=500", token).json()
                .get("message").asString());
        assertThat(noText.error().code()).isEqualTo(ErrorCode.INVALID_FRAME.wire());
    }

    @Test
    void resolve_answers_what_the_rest_api_answers() {
        start(Map.of("search.links.youtubeOembed", music.url("/oembed/youtube")));
        music.json("/oembed/youtube", "oembed-youtube.json");
        WireClient client = hub.client("ext", "extension", "search");

        Reply reply = ask(client, "r-1", HubRequests.RESOLVE, body("url", "https://www.youtube.com/watch?v=pb0001"));
        JsonNode rest = http.get("/api/resolve?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3Dpb0001",
                hub.token("ext2", "extension", "search")).json();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.body()).isEqualTo(rest);
        assertThat(reply.body().get("kind").asString()).isEqualTo("track");
    }

    @Test
    void an_album_resolves_to_its_tracks_as_over_rest() {
        start(Map.of("search.links.allowedAddresses", "127.0.0.1"));
        music.answer("/album/low-tide", new FakeMusicService.Answer(200, "text/html", "<html><head>"
                + "<script type=\"application/ld+json\">{\"@type\":\"MusicAlbum\",\"name\":\"Low Tide\","
                + "\"byArtist\":{\"name\":\"Harbour Lights\"},\"track\":{\"@type\":\"ItemList\",\"numberOfItems\":2,"
                + "\"itemListElement\":[{\"@type\":\"ListItem\",\"item\":{\"@type\":\"MusicRecording\",\"name\":\"Paper Boats\","
                + "\"@id\":\"/track/paper-boats\"}},{\"@type\":\"ListItem\",\"item\":{\"@type\":\"MusicRecording\","
                + "\"name\":\"Night Ferry\",\"@id\":\"/track/night-ferry\"}}]}}</script></head></html>"));
        WireClient client = hub.client("ext", "extension", "search");

        Reply reply = ask(client, "r-3", HubRequests.RESOLVE, body("url", music.url("/album/low-tide")));
        JsonNode rest = http.get("/api/resolve?url=" + music.url("/album/low-tide"),
                hub.token("ext2", "extension", "search")).json();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.body()).isEqualTo(rest);
        assertThat(reply.body().get("kind").asString()).isEqualTo("album");
        assertThat(reply.body().get("trackCount").asInt()).isEqualTo(2);
        assertThat(reply.body().get("tracks")).extracting(t -> t.get("uri").asString())
                .containsExactly(music.url("/track/paper-boats"), music.url("/track/night-ferry"));
    }

    @Test
    void a_link_that_resolves_to_nothing_is_not_found_as_over_rest() {
        start(Map.of());
        music.answer("/blank", new FakeMusicService.Answer(200, "text/html", "<html><body></body></html>"));
        WireClient client = hub.client("ext", "extension", "search");

        Reply reply = ask(client, "r-2", HubRequests.RESOLVE, body("url", music.url("/blank")));
        JsonNode rest = http.get("/api/resolve?url=" + music.url("/blank"), hub.token("ext2", "extension", "search"))
                .json();

        assertThat(reply.status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(reply.error().code()).isEqualTo(ErrorCode.NOT_FOUND.wire()).isEqualTo(rest.get("code").asString());
        assertThat(reply.error().message()).isEqualTo(rest.get("message").asString())
                .startsWith("found nothing at the link");
    }

    @Test
    void providers_answers_the_rest_list() {
        start(Map.of());
        WireClient client = hub.client("alice", "desktop", "search");

        Reply reply = ask(client, "p-1", HubRequests.PROVIDERS, null);

        assertThat(reply.body()).isEqualTo(http.get("/api/providers", hub.token("bob", "desktop", "search")).json());
    }

    @Test
    void a_request_past_its_deadline_is_answered_timeout_as_any_request() {
        start(Map.of());
        music.hold("/deezer/search", slow);
        music.json("/deezer/search", "deezer-search.json");
        WireClient client = hub.client("alice", "desktop", "search");

        client.sendNumbered(new Request(0, "t-1", null, Address.hub(), HubRequests.SEARCH, body("q", "boats",
                "providers", "deezer", "stream", true), 200));
        Reply reply = client.expect(Reply.class);
        slow.countDown();
        client.sync();

        assertThat(reply.status()).isEqualTo(ReplyStatus.TIMEOUT);
        assertThat(client.received()).as("nothing of the search after its deadline")
                .noneMatch(f -> f instanceof Message || f instanceof Reply);
    }

    @Test
    void searches_count_against_the_pending_request_quota() {
        start(Map.of("quotas.pendingRequestsPerSession", "1"));
        music.hold("/deezer/search", slow);
        music.json("/deezer/search", "deezer-search.json");
        WireClient client = hub.client("alice", "desktop", "search");

        client.sendNumbered(new Request(0, "q-1", null, Address.hub(), HubRequests.SEARCH, body("q", "boats",
                "providers", "deezer"), 0));
        Reply second = ask(client, "q-2", HubRequests.SEARCH, body("q", "boats", "providers", "deezer"));
        slow.countDown();

        assertThat(second.error().code()).isEqualTo(ErrorCode.LIMIT_REACHED.wire());
        assertThat(second.error().message()).contains("quotas.pendingRequestsPerSession");
        assertThat(client.expect(Reply.class, r -> r.re().equals("q-1")).status()).isEqualTo(ReplyStatus.OK);
    }

    @Test
    void a_search_whose_session_ended_gives_its_place_in_the_quota_back_at_once_not_at_its_deadline() {
        // Deezer waits longer than the test: only the session's end can give the place back in time.
        start(Map.of("quotas.pendingRequestsPerToken", "1", "search.deezer.timeout", "1m"));
        music.hold("/deezer/search", slow);
        music.json("/deezer/search", "deezer-search.json");
        music.answer("/itunes/search", new FakeMusicService.Answer(200, "application/json",
                "{\"resultCount\":0,\"results\":[]}"));
        String token = hub.token("alice", "desktop", "search");
        WireClient gone = WireClient.authenticated(hub.port(), token);
        gone.sendNumbered(new Request(0, "e-1", null, Address.hub(), HubRequests.SEARCH, body("q", "boats",
                "providers", "deezer", "stream", true), 60_000));
        org.awaitility.Awaitility.await().atMost(WireClient.WAIT)
                .until(() -> music.seen().stream().anyMatch(seen -> seen.path().equals("/deezer/search")));
        gone.close();

        WireClient next = WireClient.authenticated(hub.port(), token);
        org.awaitility.Awaitility.await().atMost(WireClient.WAIT).until(() -> ask(next, "e-" + System.nanoTime(),
                HubRequests.SEARCH, body("q", "boats", "providers", "itunes")).status() == ReplyStatus.OK);

        assertThat(slow.getCount()).as("the first search's provider never answered").isEqualTo(1);
        next.close();
    }

    @Test
    void a_subject_the_hub_does_not_answer_is_no_handler() {
        start(Map.of());
        WireClient client = hub.client("alice", "desktop", "search");

        Reply reply = ask(client, "u-1", "play", null);

        assertThat(reply.status()).isEqualTo(ReplyStatus.NO_HANDLER);
        assertThat(reply.error().message()).contains("search").contains("play");
    }

    @Test
    void a_message_or_gather_to_the_hub_is_refused_as_invalid() {
        start(Map.of());
        WireClient client = hub.client("alice", "desktop", "search");

        client.sendNumbered(new Message(0, "m-1", null, Address.hub(), HubRequests.SEARCH, null, false));
        ErrorFrame message = client.expectError();
        client.sendNumbered(new Gather(0, "g-1", Address.hub(), HubRequests.SEARCH, null, 1000, GatherMode.ALL, 0));
        ErrorFrame gather = client.expectError();

        assertThat(List.of(message, gather)).allSatisfy(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FRAME);
            assertThat(error.message()).contains("only a request");
        });
    }

    @Test
    void providers_that_are_not_strings_are_refused_with_an_example() {
        start(Map.of());
        WireClient client = hub.client("alice", "desktop", "search");

        Reply reply = ask(client, "b-4", HubRequests.SEARCH, body("q", "x", "providers", List.of(Map.of("id", 1))));

        assertThat(reply.error().code()).isEqualTo(ErrorCode.INVALID_FRAME.wire());
        assertThat(reply.error().message()).contains("[\"deezer\", \"itunes\"]");
    }

    @Test
    void the_rest_messaging_routes_refuse_the_hub_address_and_name_the_search_routes() {
        start(Map.of());

        Http.Response response = http.post("/api/request", hub.adminToken(),
                "{\"to\":\"hub\",\"subject\":\"search\",\"body\":{\"q\":\"x\"}}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo(ErrorCode.INVALID_FRAME.wire());
        assertThat(response.json().get("message").asString()).contains("/api/search");
    }

    private static Reply ask(WireClient client, String id, String subject, JsonNode body) {
        client.sendNumbered(new Request(0, id, null, Address.hub(), subject, body, 0));
        return client.expect(Reply.class, reply -> reply.re().equals(id));
    }

    private static JsonNode body(Object... pairs) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return FrameCodec.DEFAULT.mapper().valueToTree(fields);
    }

    /** The answer without what differs between two runs of the same search. */
    private static JsonNode withoutTimings(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        copy.get("providers").forEach(p -> ((ObjectNode) p).remove(List.of("latencyMs", "cached")));
        return copy;
    }
}
