package dev.roadie.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Numbered;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.Subscribe;
import dev.roadie.model.wire.Welcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The REST API over real HTTP against a real hub, with socket clients on the other end where
 * a call reaches them.
 */
class RestApiTest {
    static final String PASSWORD = "youshallnotpass";

    @RegisterExtension
    final HubExtension hub = HubExtension.withDefaults();
    Http http;

    @BeforeEach
    void connect() {
        http = Http.to(hub);
    }

    // ---- helpers ----

    WireClient client(String name, String kind, String... scopes) {
        return hub.client(name, kind, scopes);
    }

    static JsonNode json(String text) {
        return FrameCodec.DEFAULT.mapper().readTree(text);
    }

    static void done(WireClient client, Numbered frame) {
        long seq = client.sendNumbered(frame);
        client.expectAck(seq);
    }

    /** Connects audio-node/{@code name} and announces it with a password. */
    WireClient announcedNode(String name) {
        WireClient node = client(name, "audio-node", "announce:audio-node");
        done(node, new Announce(0, "an-" + name, new ServiceDescriptor("audio-node", name,
                "https://" + name + ".example.org:2333", List.of("source:youtube"), Map.of("region", "eu"),
                Map.of("password", PASSWORD))));
        return node;
    }

    static void assertError(Http.Response response, int status, ErrorCode code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).contains("application/json");
        assertThat(response.json().get("code").asString()).isEqualTo(code.wire());
        assertThat(response.json().get("message").asString()).isNotBlank();
    }

    static List<JsonNode> elements(JsonNode array) {
        assertThat(array.isArray()).as("an array: %s", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    // ---- health ----

    @Test
    void health_needs_no_token_and_reports_ok_with_the_epoch_the_socket_announces() {
        WireClient socket = WireClient.connect(hub.port());
        hub.track(socket);
        Welcome welcome = socket.hello(hub.token("alice", "desktop"));

        Http.Response response = http.get("/api/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("ok");
        assertThat(response.json().get("epoch").asString()).isEqualTo(welcome.epoch()).matches("[0-9a-f]{12}");
    }

    // ---- services ----

    @Test
    void services_without_a_token_are_refused_with_401_unauthorized() {
        assertError(http.get("/api/services", null), 401, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void services_with_an_unknown_token_are_refused_with_401_unauthorized() {
        assertError(http.get("/api/services", "rd_AAAAAAAAAAAA_" + "B".repeat(43)), 401, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void services_with_a_token_lacking_the_registry_scope_are_forbidden() {
        Http.Response response = http.get("/api/services", hub.token("alice", "desktop", "send:music-bot"));

        assertError(response, 403, ErrorCode.FORBIDDEN);
        assertThat(response.json().get("message").asString()).contains("registry");
    }

    @Test
    void services_are_listed_without_secrets_for_a_token_with_registry() {
        announcedNode("ams-3");

        Http.Response response = http.get("/api/services", hub.token("alice", "desktop", "registry"));

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> entries = elements(response.json());
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().get("service").get("name").asString()).isEqualTo("ams-3");
        assertThat(entries.getFirst().get("state").asString()).isEqualTo("up");
        assertThat(entries.getFirst().get("service").has("secrets")).isFalse();
        assertThat(response.body()).doesNotContain(PASSWORD);
    }

    @Test
    void services_are_listed_with_secrets_for_a_token_with_the_secrets_scope() {
        announcedNode("ams-3");

        Http.Response response = http.get("/api/services",
                hub.token("eu-1", "music-bot", "registry", "secrets:audio-node"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(elements(response.json()).getFirst().get("service").get("secrets").get("password").asString())
                .isEqualTo(PASSWORD);
    }

    @Test
    void services_are_sorted_by_kind_and_name_and_filtered_by_kind() {
        announcedNode("fra-1");
        announcedNode("ams-3");
        WireClient bot = client("eu-1", "music-bot", "announce:music-bot");
        done(bot, new Announce(0, "an-bot", new ServiceDescriptor("music-bot", "eu-1", null, null, null, null)));
        String token = hub.token("alice", "desktop", "registry");

        List<String> all = elements(http.get("/api/services", token).json()).stream()
                .map(e -> e.get("service").get("kind").asString() + "/" + e.get("service").get("name").asString())
                .toList();
        List<String> nodes = elements(http.get("/api/services?kind=audio-node", token).json()).stream()
                .map(e -> e.get("service").get("name").asString())
                .toList();

        assertThat(all).containsExactly("audio-node/ams-3", "audio-node/fra-1", "music-bot/eu-1");
        assertThat(nodes).containsExactly("ams-3", "fra-1");
    }

    @Test
    void one_service_is_returned_by_kind_and_name() {
        announcedNode("ams-3");

        Http.Response response = http.get("/api/services/audio-node/ams-3", hub.token("alice", "desktop", "registry"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("service").get("endpoint").asString()).isEqualTo("https://ams-3.example.org:2333");
        assertThat(response.json().get("owner").asString()).isEqualTo("audio-node/ams-3");
        assertThat(response.json().get("service").has("secrets")).isFalse();
    }

    @Test
    void an_unknown_service_is_404_not_found() {
        assertError(http.get("/api/services/audio-node/ghost", hub.token("alice", "desktop", "registry")), 404,
                ErrorCode.NOT_FOUND);
    }

    // ---- service state ----

    @Test
    void an_admin_changes_a_services_state_and_subscribers_get_the_change() {
        announcedNode("ams-3");
        WireClient watcher = client("ops", "desktop", "registry");
        done(watcher, new Subscribe(0, "sub-1", RegistryEvent.TOPIC));

        Http.Response response = http.post("/api/services/audio-node/ams-3/state", hub.adminToken(),
                "{\"state\":\"draining\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("state").asString()).isEqualTo("draining");
        // The subscription starts with the registry as it is (a snapshot), then the change.
        Message event = watcher.expect(Message.class, m -> RegistryEvent.SUBJECT.equals(m.subject())
                && FrameCodec.DEFAULT.fromTree(m.body(), RegistryEvent.class).change() == RegistryEvent.Change.changed);
        RegistryEvent changed = FrameCodec.DEFAULT.fromTree(event.body(), RegistryEvent.class);
        assertThat(changed.entry().state()).isEqualTo(ServiceState.DRAINING);
    }

    @Test
    void changing_a_services_state_without_admin_is_forbidden() {
        announcedNode("ams-3");
        String token = hub.token("ops", "desktop", "registry", "announce:audio-node");

        Http.Response response = http.post("/api/services/audio-node/ams-3/state", token, "{\"state\":\"retired\"}");

        assertError(response, 403, ErrorCode.FORBIDDEN);
        assertThat(http.get("/api/services/audio-node/ams-3", token).json().get("state").asString()).isEqualTo("up");
    }

    @Test
    void setting_a_service_down_through_the_api_is_refused_with_400() {
        announcedNode("ams-3");

        Http.Response response = http.post("/api/services/audio-node/ams-3/state", hub.adminToken(),
                "{\"state\":\"down\"}");

        assertError(response, 400, ErrorCode.INVALID_FRAME);
        assertThat(http.get("/api/services/audio-node/ams-3", hub.adminToken()).json().get("state").asString())
                .isEqualTo("up");
    }

    @Test
    void changing_the_state_of_an_unknown_service_is_404() {
        assertError(http.post("/api/services/audio-node/ghost/state", hub.adminToken(), "{\"state\":\"retired\"}"),
                404, ErrorCode.NOT_FOUND);
    }

    // ---- send ----

    @Test
    void send_reaches_the_socket_receiver_from_the_tokens_identity_and_answers_202_with_the_count() {
        WireClient bot = client("eu-1", "music-bot");

        Http.Response response = http.post("/api/send", hub.token("alice", "desktop", "send:music-bot"),
                "{\"to\":\"service:music-bot/eu-1\",\"subject\":\"player.note\",\"body\":{\"text\":\"hello\"}}");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("delivered").asInt()).isEqualTo(1);
        Message got = bot.expect(Message.class);
        assertThat(got.from()).isEqualTo(new ServiceId("desktop", "alice"));
        assertThat(got.to()).isEqualTo(Address.service("music-bot", "eu-1"));
        assertThat(got.subject()).isEqualTo("player.note");
        assertThat(got.body().get("text").asString()).isEqualTo("hello");
    }

    @Test
    void send_to_nobody_answers_202_with_delivered_zero_written_out() {
        Http.Response response = http.post("/api/send", hub.token("alice", "desktop", "send:music-bot"),
                "{\"to\":\"kind:music-bot\",\"subject\":\"player.note\"}");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().has("delivered")).as("body %s", response.body()).isTrue();
        assertThat(response.json().get("delivered").asInt()).isZero();
    }

    @Test
    void send_without_the_scope_of_the_address_is_forbidden_and_reaches_nobody() {
        WireClient bot = client("eu-1", "music-bot");

        Http.Response response = http.post("/api/send", hub.token("alice", "desktop", "send:audio-node"),
                "{\"to\":\"service:music-bot/eu-1\",\"subject\":\"player.note\"}");

        assertError(response, 403, ErrorCode.FORBIDDEN);
        assertThat(response.json().get("message").asString()).contains("send:music-bot");
        bot.sync();
        assertThat(bot.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void send_to_the_registry_topic_is_forbidden_even_for_an_admin() {
        assertError(http.post("/api/send", hub.adminToken(),
                "{\"to\":\"topic:registry\",\"subject\":\"registry.changed\",\"body\":{}}"), 403, ErrorCode.FORBIDDEN);
    }

    @Test
    void send_with_a_body_that_is_not_json_is_400_bad_json() {
        assertError(http.post("/api/send", hub.token("alice", "desktop", "send:music-bot"), "{\"to\": oops"), 400,
                ErrorCode.BAD_JSON);
    }

    @Test
    void send_without_to_is_400() {
        assertError(http.post("/api/send", hub.token("alice", "desktop", "send:music-bot"),
                "{\"subject\":\"player.note\"}"), 400, ErrorCode.INVALID_FRAME);
    }

    @Test
    void send_without_subject_is_400() {
        assertError(http.post("/api/send", hub.token("alice", "desktop", "send:music-bot"),
                "{\"to\":\"kind:music-bot\"}"), 400, ErrorCode.INVALID_FRAME);
    }

    @Test
    void send_with_a_subject_over_128_characters_is_400_not_a_server_error() {
        Http.Response response = http.post("/api/send", hub.token("alice", "desktop", "send:music-bot"),
                "{\"to\":\"kind:music-bot\",\"subject\":\"" + "s".repeat(129) + "\"}");

        assertError(response, 400, ErrorCode.INVALID_FRAME);
        assertThat(response.json().get("message").asString()).contains("subject");
    }

    // ---- request ----

    @Test
    void request_answers_200_with_the_receivers_reply() {
        WireClient bot = client("eu-1", "music-bot")
                .respondWith(request -> Reply.ok(request.id(), json("{\"queued\":true}")));

        Http.Response response = http.post("/api/request", hub.token("alice", "desktop", "send:music-bot"),
                "{\"to\":\"one:music-bot\",\"subject\":\"player.command\",\"body\":{\"command\":\"skip\","
                        + "\"guild\":\"123\"},\"timeoutMs\":5000}");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().get("type").asString()).isEqualTo("reply");
        assertThat(response.json().get("status").asString()).isEqualTo("ok");
        assertThat(response.json().get("from").asString()).isEqualTo("music-bot/eu-1");
        assertThat(response.json().get("body").get("queued").asBoolean()).isTrue();
        Request delivered = bot.expect(Request.class);
        assertThat(delivered.from()).isEqualTo(new ServiceId("desktop", "alice"));
        assertThat(delivered.body().get("command").asString()).isEqualTo("skip");
    }

    @Test
    void request_that_nobody_matches_is_404_no_route() {
        Http.Response response = http.post("/api/request", hub.token("alice", "desktop", "send:music-bot"),
                "{\"to\":\"one:music-bot\",\"subject\":\"player.command\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("status").asString()).isEqualTo("no-route");
        assertThat(response.json().get("error").get("code").asString()).isEqualTo("no-route");
    }

    @Test
    void request_that_is_not_answered_in_time_is_504_timeout() {
        WireClient bot = client("eu-1", "music-bot");

        Http.Response response = http.post("/api/request", hub.token("alice", "desktop", "send:music-bot"),
                "{\"to\":\"service:music-bot/eu-1\",\"subject\":\"slow\",\"timeoutMs\":200}");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.json().get("status").asString()).isEqualTo("timeout");
        assertThat(bot.expect(Request.class).timeoutMs()).isEqualTo(200);
    }

    @Test
    void request_whose_receiver_disconnects_before_replying_is_502_gone() throws Exception {
        WireClient bot = client("eu-1", "music-bot");
        String token = hub.token("alice", "desktop", "send:music-bot");

        CompletableFuture<Http.Response> call = CompletableFuture.supplyAsync(() -> http.post("/api/request", token,
                "{\"to\":\"service:music-bot/eu-1\",\"subject\":\"slow\",\"timeoutMs\":10000}"));
        bot.expect(Request.class);
        bot.close();

        Http.Response response = call.get(10, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.json().get("status").asString()).isEqualTo("gone");
    }

    @Test
    void request_to_an_address_of_many_receivers_is_400() {
        client("eu-1", "music-bot");

        Http.Response response = http.post("/api/request", hub.token("alice", "desktop", "send:music-bot"),
                "{\"to\":\"kind:music-bot\",\"subject\":\"player.command\"}");

        assertError(response, 400, ErrorCode.INVALID_FRAME);
        assertThat(response.json().get("message").asString()).contains("gather");
    }

    // ---- gather ----

    @Test
    void gather_answers_200_with_a_result_per_receiver() {
        for (String name : List.of("ams-3", "fra-1")) {
            client(name, "audio-node").respondWith(request ->
                    Reply.ok(request.id(), json("{\"healthy\":true,\"node\":\"" + name + "\"}")));
        }

        Http.Response response = http.post("/api/gather", hub.token("eu-1", "music-bot", "send:audio-node"),
                "{\"to\":\"kind:audio-node\",\"subject\":\"health\",\"timeoutMs\":5000}");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().get("type").asString()).isEqualTo("gather-result");
        assertThat(response.json().get("complete").asBoolean()).isTrue();
        List<JsonNode> results = elements(response.json().get("results"));
        assertThat(results).extracting(r -> r.get("service").asString())
                .containsExactlyInAnyOrder("audio-node/ams-3", "audio-node/fra-1");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.get("status").asString()).isEqualTo("ok");
            assertThat("audio-node/" + r.get("body").get("node").asString()).isEqualTo(r.get("service").asString());
        });
    }

    // ---- tokens ----

    @Test
    void an_admin_creates_a_token_that_is_returned_once_with_201_and_authenticates() {
        Http.Response created = http.post("/api/tokens", hub.adminToken(),
                "{\"name\":\"alice\",\"kind\":\"desktop\",\"scopes\":[\"registry\"]}");

        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).startsWith("rd_");
        assertThat(created.json().get("info").get("name").asString()).isEqualTo("alice");
        assertThat(elements(created.json().get("info").get("scopes"))).extracting(JsonNode::asString)
                .containsExactly("registry");
        assertThat(http.get("/api/services", token).status()).isEqualTo(200);
    }

    @Test
    void a_token_created_without_scopes_gets_the_preset_of_its_kind() {
        Http.Response created = http.post("/api/tokens", hub.adminToken(), "{\"name\":\"ams-3\",\"kind\":\"audio-node\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(elements(created.json().get("info").get("scopes"))).extracting(JsonNode::asString)
                .containsExactly("announce:audio-node", "registry");
    }

    @Test
    void the_token_list_shows_every_token_without_its_secret() {
        Http.Response created = http.post("/api/tokens", hub.adminToken(),
                "{\"name\":\"alice\",\"kind\":\"desktop\",\"scopes\":[\"registry\"]}");
        String token = created.json().get("token").asString();
        String secret = token.substring(token.length() - 43);

        Http.Response list = http.get("/api/tokens", hub.adminToken());

        assertThat(list.status()).isEqualTo(200);
        assertThat(elements(list.json())).extracting(t -> t.get("name").asString()).containsExactly("admin", "alice");
        assertThat(elements(list.json())).extracting(t -> t.get("id").asString())
                .contains(created.json().get("info").get("id").asString());
        assertThat(list.body()).doesNotContain(token).doesNotContain(secret)
                .doesNotContain(hub.adminToken()).doesNotContain("\"token\"");
    }

    @Test
    void revoking_a_token_closes_the_sockets_it_opened_with_4003() {
        Http.Response created = http.post("/api/tokens", hub.adminToken(),
                "{\"name\":\"alice\",\"kind\":\"desktop\",\"scopes\":[\"registry\"]}");
        WireClient socket = WireClient.authenticated(hub.port(), created.json().get("token").asString());
        hub.track(socket);

        Http.Response revoked = http.delete("/api/tokens/" + created.json().get("info").get("id").asString(),
                hub.adminToken());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().has("revokedAt")).isTrue();
        assertThat(socket.awaitClose()).isEqualTo(4003);
        assertThat(socket.closeReason()).contains("revoked");
    }

    @Test
    void a_revoked_token_no_longer_authenticates_over_rest_or_the_socket() {
        Http.Response created = http.post("/api/tokens", hub.adminToken(),
                "{\"name\":\"alice\",\"kind\":\"desktop\",\"scopes\":[\"registry\"]}");
        String token = created.json().get("token").asString();
        assertThat(http.get("/api/services", token).status()).isEqualTo(200);

        http.delete("/api/tokens/" + created.json().get("info").get("id").asString(), hub.adminToken());

        assertError(http.get("/api/services", token), 401, ErrorCode.UNAUTHORIZED);
        WireClient socket = WireClient.connect(hub.port());
        hub.track(socket);
        socket.sendFrame(new Hello(token, null, null, null, 1, "rest-test"));
        assertThat(socket.expect(ErrorFrame.class).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(socket.awaitClose()).isEqualTo(4003);
    }

    @Test
    void revoking_an_unknown_token_is_404() {
        assertError(http.delete("/api/tokens/nosuchtoken0", hub.adminToken()), 404, ErrorCode.NOT_FOUND);
    }

    @Test
    void every_token_endpoint_is_forbidden_without_admin() {
        String token = hub.token("ops", "desktop", "registry", "metrics");
        String adminId = elements(http.get("/api/tokens", hub.adminToken()).json()).getFirst().get("id").asString();

        assertError(http.get("/api/tokens", token), 403, ErrorCode.FORBIDDEN);
        assertError(http.post("/api/tokens", token, "{\"name\":\"x\",\"kind\":\"admin\"}"), 403, ErrorCode.FORBIDDEN);
        assertError(http.delete("/api/tokens/" + adminId, token), 403, ErrorCode.FORBIDDEN);
        assertThat(elements(http.get("/api/tokens", hub.adminToken()).json()))
                .as("nothing created, nothing revoked")
                .extracting(t -> t.get("name").asString() + ":" + t.has("revokedAt"))
                .containsExactly("admin:false", "ops:false");
    }

    // ---- metrics ----

    @Test
    void metrics_without_the_metrics_scope_are_forbidden() {
        assertError(http.get("/metrics", hub.token("ops", "desktop", "registry")), 403, ErrorCode.FORBIDDEN);
    }

    @Test
    void metrics_are_prometheus_text_with_the_hubs_series() {
        client("eu-1", "music-bot").respondWith(request -> Reply.ok(request.id(), json("{}")));
        assertThat(http.post("/api/request", hub.token("bob", "desktop", "send:music-bot"),
                "{\"to\":\"one:music-bot\",\"subject\":\"x\"}").status()).isEqualTo(200);

        Http.Response response = http.get("/metrics", hub.token("prometheus", "monitor", "metrics"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.body()).contains(
                "# TYPE roadie_sessions gauge\nroadie_sessions 1.0\n",
                "# TYPE roadie_frames_received_total counter\n",
                "roadie_frames_received_total{type=\"reply\"} 1.0\n",
                "# TYPE roadie_requests_total counter\nroadie_requests_total{status=\"ok\"} 1.0\n",
                "# TYPE roadie_request_duration_seconds histogram\n",
                "roadie_request_duration_seconds_count 1\n");
    }

    @Test
    void metrics_move_with_traffic() {
        String scraper = hub.token("prometheus", "monitor", "metrics");
        String before = http.get("/metrics", scraper).body();
        WireClient bot = client("eu-1", "music-bot").respondWith(request -> Reply.ok(request.id(), json("{}")));
        WireClient desktop = client("alice", "desktop", "send:music-bot");
        done(desktop, new Message(0, "m-1", null, Address.service("music-bot", "eu-1"), "note", null, false));
        assertThat(http.post("/api/request", hub.token("bob", "desktop", "send:music-bot"),
                "{\"to\":\"one:music-bot\",\"subject\":\"x\"}").status()).isEqualTo(200);
        bot.sync();

        String after = http.get("/metrics", scraper).body();

        assertThat(value(after, "roadie_sessions")).isEqualTo(value(before, "roadie_sessions") + 2);
        assertThat(value(after, "roadie_frames_received_total{type=\"message\"}"))
                .isEqualTo(value(before, "roadie_frames_received_total{type=\"message\"}") + 1);
        assertThat(value(after, "roadie_requests_total{status=\"ok\"}"))
                .isEqualTo(value(before, "roadie_requests_total{status=\"ok\"}") + 1);
        assertThat(value(after, "roadie_connections_opened_total"))
                .isGreaterThanOrEqualTo(value(before, "roadie_connections_opened_total") + 2);
    }

    /** The value of one series in Prometheus text, 0 when the series is not there yet. */
    static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    // ---- unknown paths ----

    @Test
    void an_unknown_api_path_is_404_with_a_json_error() {
        assertError(http.get("/api/nothing-here", hub.adminToken()), 404, ErrorCode.NOT_FOUND);
    }
}
