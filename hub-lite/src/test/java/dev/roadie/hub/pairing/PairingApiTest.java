package dev.roadie.hub.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.Hub;
import dev.roadie.hub.auth.ScopePresets;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.store.AuditEntry;
import dev.roadie.hub.testing.Frames;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Pairing a device with a real hub over real HTTP: both flows, every answer, the limits and revoking. */
class PairingApiTest {
    private static final String USER_CODE = "[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}";

    @TempDir
    Path data;
    final MovableClock clock = new MovableClock();
    Hub hub;
    Http http;
    String base;
    String admin;
    final List<WireClient> clients = new java.util.ArrayList<>();

    void start(Map<String, String> settings) {
        Map<String, String> overrides = new HashMap<>(Map.of("host", "127.0.0.1", "port", "0", "data",
                data.toString(), "heartbeat.interval", "200ms", "heartbeat.tolerance", "5"));
        overrides.putAll(settings);
        HubConfig config = ConfigLoader.load(null, data, Map.of(), overrides);
        hub = Hub.start(config, clock);
        base = "http://127.0.0.1:" + hub.port();
        http = new Http(base);
        try {
            admin = Files.readString(data.resolve("admin.token")).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void start() {
        start(Map.of());
    }

    @AfterEach
    void stop() {
        clients.forEach(WireClient::close);
        if (hub != null) {
            hub.close();
        }
    }

    // ---- the device flow ----

    @Test
    void a_device_is_given_codes_the_verification_address_and_an_interval() {
        start();

        JsonNode started = startPairing("desktop", "Alice's laptop", "Windows 11");

        assertThat(started.get("user_code").asString()).matches(USER_CODE);
        assertThat(started.get("device_code").asString()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(started.get("verification_uri").asString()).isEqualTo(base + "/#devices");
        assertThat(started.get("verification_uri_complete").asString())
                .isEqualTo(base + "/#devices?code=" + started.get("user_code").asString());
        assertThat(started.get("expires_in").asLong()).isEqualTo(600);
        assertThat(started.get("interval").asLong()).isEqualTo(5);
    }

    @Test
    void behind_a_trusted_proxy_that_ends_tls_the_addresses_are_the_ones_the_device_used() {
        start(Map.of("http.trustedProxies", "127.0.0.1"));

        JsonNode started = postWith("/api/pair/start", "{\"kind\": \"mobile\", \"name\": \"Phone\"}",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "hub.example.org");
        JsonNode invite = postWith("/api/pair/invites", "{\"kind\": \"mobile\"}",
                "Authorization", "Bearer " + admin, "X-Forwarded-Proto", "https, http");

        assertThat(started.get("verification_uri").asString()).isEqualTo("https://hub.example.org/#devices");
        assertThat(invite.get("link").asString()).startsWith("roadie://pair?hub="
                + java.net.URLEncoder.encode("https://127.0.0.1:" + hub.port(), StandardCharsets.UTF_8) + "&code=");
    }

    @Test
    void forwarded_scheme_and_host_from_a_caller_that_is_not_a_trusted_proxy_are_ignored() {
        start();

        JsonNode started = postWith("/api/pair/start", "{\"kind\": \"mobile\", \"name\": \"Phone\"}",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example.org");

        assertThat(started.get("verification_uri").asString()).isEqualTo(base + "/#devices");
    }

    @Test
    void an_approved_device_gets_a_token_of_its_kind_with_the_preset_scopes() {
        start();
        JsonNode started = startPairing("desktop", "Alice's laptop", "Windows 11");
        assertThat(poll(started).json().get("error").asString()).isEqualTo("authorization_pending");

        Http.Response approved = http.post("/api/pair/requests/" + started.get("user_code").asString()
                + "/approve", admin, "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(5));
        Http.Response granted = poll(started);

        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        JsonNode token = granted.json();
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("kind").asString()).isEqualTo("desktop");
        assertThat(token.get("name").asString()).matches("alice-s-laptop-[0-9a-f]{6}");
        assertThat(token.get("scope").asString()).isEqualTo("send:music-bot subscribe:player.* registry search");
        assertThat(http.get("/api/services", token.get("access_token").asString()).status()).isEqualTo(200);
        assertThat(http.get("/api/tokens", token.get("access_token").asString()).status()).isEqualTo(403);
    }

    @Test
    void a_device_code_gives_its_token_once() {
        start();
        JsonNode started = startPairing("mobile", "Phone", null);
        http.post("/api/pair/requests/" + started.get("user_code").asString() + "/approve", admin, "");
        assertThat(poll(started).status()).isEqualTo(200);

        Http.Response again = poll(started);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void polling_sooner_than_the_interval_is_told_to_slow_down() {
        start();
        JsonNode started = startPairing("desktop", "Laptop", null);
        assertThat(poll(started).json().get("error").asString()).isEqualTo("authorization_pending");

        assertThat(poll(started).json().get("error").asString()).isEqualTo("slow_down");
        clock.advance(Duration.ofSeconds(5));
        assertThat(poll(started).json().get("error").asString()).isEqualTo("authorization_pending");
    }

    @Test
    void a_denied_device_is_told_access_denied() {
        start();
        JsonNode started = startPairing("extension", "Chrome", "Linux");

        Http.Response denied = http.post("/api/pair/requests/" + started.get("user_code").asString() + "/deny",
                admin, "");

        assertThat(denied.status()).isEqualTo(200);
        Http.Response answer = poll(started);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("access_denied");
        assertThat(http.post("/api/pair/requests/" + started.get("user_code").asString() + "/approve", admin, "")
                .status()).as("decided already").isEqualTo(409);
    }

    @Test
    void an_expired_request_is_told_expired_token_and_can_no_longer_be_approved() {
        start(Map.of("pairing.codeLifetime", "2m"));
        JsonNode started = startPairing("desktop", "Laptop", null);

        clock.advance(Duration.ofMinutes(2));

        assertThat(poll(started).json().get("error").asString()).isEqualTo("expired_token");
        Http.Response late = http.post("/api/pair/requests/" + started.get("user_code").asString() + "/approve",
                admin, "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("message").asString()).contains("expired", "start again");
        assertThat(http.get("/api/pair/requests", admin).json()).isEmpty();
    }

    @Test
    void an_unknown_device_code_is_an_invalid_grant() {
        start();

        Http.Response answer = http.post("/api/pair/token", null, "{\"device_code\": \"made-up\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void a_request_may_be_approved_by_its_id_from_the_list_of_pending_requests() {
        start();
        startPairing("mobile", "Bob's phone", "Android 15");

        JsonNode pending = http.get("/api/pair/requests", admin).json();

        assertThat(pending).hasSize(1);
        JsonNode request = pending.get(0);
        assertThat(request.get("kind").asString()).isEqualTo("mobile");
        assertThat(request.get("name").asString()).isEqualTo("Bob's phone");
        assertThat(request.get("platform").asString()).isEqualTo("Android 15");
        assertThat(request.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(request.has("createdAt")).isTrue();
        assertThat(http.post("/api/pair/requests/" + request.get("id").asString() + "/approve", admin, "").status())
                .isEqualTo(200);
        assertThat(http.get("/api/pair/requests", admin).json()).isEmpty();
    }

    @Test
    void an_approval_may_narrow_the_scopes_and_bind_guilds_but_never_widen_them() {
        start();
        JsonNode started = startPairing("desktop", "Laptop", null);
        String approve = "/api/pair/requests/" + started.get("user_code").asString() + "/approve";

        Http.Response wider = http.post(approve, admin, "{\"scopes\": [\"send:music-bot\", \"admin\"]}");
        assertThat(wider.status()).isEqualTo(400);
        assertThat(wider.json().get("message").asString()).contains("admin", "wider than", "never widen");
        Http.Response widerPattern = http.post(approve, admin, "{\"scopes\": [\"subscribe:*\"]}");
        assertThat(widerPattern.status()).isEqualTo(400);

        Http.Response narrowed = http.post(approve, admin,
                "{\"scopes\": [\"send:music-bot\", \"subscribe:player.*\"], \"guilds\": [\"123\", \"456\"]}");
        assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
        assertThat(poll(started).json().get("scope").asString())
                .isEqualTo("send:music-bot subscribe:player.123 subscribe:player.456");
    }

    @Test
    void a_device_bound_to_a_music_bot_sends_to_that_bot_by_name_and_to_no_other_over_the_socket_or_rest() {
        start();
        WireClient eu1 = bot("eu-1");
        WireClient eu2 = bot("eu-2");
        JsonNode started = startPairing("mobile", "Phone", null);
        Http.Response approved = http.post("/api/pair/requests/" + started.get("user_code").asString() + "/approve",
                admin, "{\"bots\": [\"eu-1\"]}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String token = poll(started).json().get("access_token").asString();
        assertThat(http.get("/api/pair/devices", admin).json().get(0).get("scopes").toString())
                .isEqualTo("[\"send:music-bot/eu-1\",\"subscribe:player.*\",\"registry\",\"search\"]");
        WireClient device = WireClient.authenticated(hub.port(), token);
        clients.add(device);

        device.sendNumbered(Frames.message("m-1", Address.service("music-bot", "eu-1")));
        assertThat(eu1.expect(Message.class).id()).isEqualTo("m-1");

        device.sendNumbered(Frames.message("m-2", Address.service("music-bot", "eu-2")));
        ErrorFrame other = device.expectError();
        assertThat(other.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(other.message()).contains("send:music-bot/eu-2");
        device.sendNumbered(Frames.message("m-3", Address.oneOf("music-bot")));
        ErrorFrame picked = device.expectError();
        assertThat(picked.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(picked.message()).isEqualTo("this token lacks the scope send:music-bot");
        device.sendNumbered(Frames.message("m-4", Address.everyOf("music-bot")));
        assertThat(device.expectError().code()).isEqualTo(ErrorCode.FORBIDDEN);

        assertThat(http.post("/api/send", token, "{\"to\": \"service:music-bot/eu-1\", \"subject\": \"play\"}")
                .status()).isEqualTo(202);
        assertThat(eu1.expect(Message.class).subject()).isEqualTo("play");
        assertThat(http.post("/api/send", token, "{\"to\": \"service:music-bot/eu-2\", \"subject\": \"play\"}")
                .status()).isEqualTo(403);
        assertThat(http.post("/api/send", token, "{\"to\": \"one:music-bot\", \"subject\": \"play\"}")
                .status()).isEqualTo(403);
        eu2.sync();
        assertThat(eu2.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void binding_to_bots_is_refused_for_a_bad_name_or_a_bot_the_scopes_do_not_reach() {
        start();
        String approve = "/api/pair/requests/" + startPairing("desktop", "Laptop", null).get("user_code").asString()
                + "/approve";

        Http.Response badName = http.post(approve, admin, "{\"bots\": [\"EU 1\"]}");
        Http.Response unreached = http.post(approve, admin,
                "{\"scopes\": [\"subscribe:player.*\"], \"bots\": [\"eu-1\"]}");
        Http.Response invite = http.post("/api/pair/invites", admin,
                "{\"kind\": \"mobile\", \"scopes\": [\"send:music-bot/eu-*\"], \"bots\": [\"eu-1\", \"us-1\"]}");

        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("message").asString()).contains("'EU 1' is not a music bot's name");
        assertThat(unreached.status()).isEqualTo(400);
        assertThat(unreached.json().get("message").asString()).contains("the music bot eu-1 is not one");
        assertThat(invite.status()).isEqualTo(400);
        assertThat(invite.json().get("message").asString()).contains("the music bot us-1 is not one");
    }

    @Test
    void an_invite_may_bind_the_device_to_named_bots_and_an_approval_may_name_them_within_a_narrower_pattern() {
        start();
        Http.Response made = http.post("/api/pair/invites", admin, "{\"kind\": \"mobile\", \"bots\": [\"eu-1\", \"eu-2\"]}");
        JsonNode started = startPairing("desktop", "Laptop", null);
        http.post("/api/pair/requests/" + started.get("user_code").asString() + "/approve", admin,
                "{\"scopes\": [\"send:music-bot/eu-*\", \"registry\"]}");

        assertThat(made.json().get("scopes").toString()).isEqualTo("[\"send:music-bot/eu-1\",\"send:music-bot/eu-2\","
                + "\"subscribe:player.*\",\"registry\",\"search\"]");
        assertThat(poll(started).json().get("scope").asString()).isEqualTo("send:music-bot/eu-* registry");
    }

    @Test
    void the_device_calls_need_no_token_and_the_owner_calls_need_admin() {
        start();
        String device = hub.context().tokens().create("phone", "mobile", List.of("registry")).token();

        assertThat(http.get("/api/pair/requests", null).status()).isEqualTo(401);
        assertThat(http.get("/api/pair/requests", device).status()).isEqualTo(403);
        assertThat(http.post("/api/pair/invites", device, "{\"kind\": \"mobile\"}").status()).isEqualTo(403);
        assertThat(http.get("/api/pair/devices", device).status()).isEqualTo(403);
    }

    // ---- invites ----

    @Test
    void an_invite_gives_a_single_use_code_and_link_that_a_device_redeems_once() {
        start();
        Http.Response made = http.post("/api/pair/invites", admin, "{\"kind\": \"mobile\"}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String code = made.json().get("code").asString();
        assertThat(code).matches(USER_CODE);
        assertThat(made.json().get("link").asString()).isEqualTo("roadie://pair?hub="
                + java.net.URLEncoder.encode(base, StandardCharsets.UTF_8) + "&code=" + code);

        Http.Response redeemed = redeem(code.toLowerCase().replace("-", " "), "Carol's phone");
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        assertThat(redeemed.json().get("kind").asString()).isEqualTo("mobile");
        assertThat(http.get("/api/services", redeemed.json().get("access_token").asString()).status())
                .isEqualTo(200);

        Http.Response again = redeem(code, "Mallory's phone");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void an_invite_answer_draws_its_link_as_a_qr_code_in_svg() {
        start();

        JsonNode made = http.post("/api/pair/invites", admin, "{\"kind\": \"mobile\"}").json();

        String link = made.get("link").asString();
        assertThat(QrModules.fromSvg(made.get("qrSvg").asString())).containsExactlyElementsOf(QrModules.expected(link));
    }

    @Test
    void an_expired_invite_is_told_expired_token() {
        start();
        String code = http.post("/api/pair/invites", admin, "{\"kind\": \"mobile\"}").json().get("code").asString();

        clock.advance(Duration.ofMinutes(10));

        assertThat(redeem(code, "Phone").json().get("error").asString()).isEqualTo("expired_token");
    }

    @Test
    void an_invite_cannot_be_wider_than_its_kinds_preset() {
        start();

        Http.Response wider = http.post("/api/pair/invites", admin,
                "{\"kind\": \"mobile\", \"scopes\": [\"secrets:audio-node\"]}");
        Http.Response notADevice = http.post("/api/pair/invites", admin, "{\"kind\": \"music-bot\"}");

        assertThat(wider.status()).isEqualTo(400);
        assertThat(notADevice.status()).isEqualTo(400);
        assertThat(notADevice.json().get("message").asString()).contains("desktop, mobile, extension");
    }

    // ---- limits ----

    @Test
    void guessing_from_one_address_is_refused_after_the_attempts_it_may_make() {
        start(Map.of("pairing.attemptsPerAddress", "3"));

        for (int i = 0; i < 2; i++) {
            assertThat(redeem("BBBB-BBBB", "Guess").json().get("error").asString()).isEqualTo("invalid_grant");
        }
        assertThat(http.post("/api/pair/token", null, "{\"device_code\": \"guess\"}").status()).isEqualTo(400);
        Http.Response refused = redeem("BBBB-BBBC", "Guess");
        Http.Response refusedPoll = http.post("/api/pair/token", null, "{\"device_code\": \"guess\"}");
        Http.Response refusedStart = http.post("/api/pair/start", null, "{\"kind\": \"mobile\", \"name\": \"x\"}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asString()).isEqualTo("rate-limited");
        assertThat(refused.json().get("message").asString()).contains("pairing.attemptsPerAddress");
        assertThat(refusedPoll.status()).isEqualTo(429);
        assertThat(refusedStart.status()).isEqualTo(429);
    }

    @Test
    void a_device_polling_its_own_code_is_not_counted_as_guessing() {
        start(Map.of("pairing.attemptsPerAddress", "2"));
        JsonNode started = startPairing("desktop", "Laptop", null);

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(poll(started).json().get("error").asString()).isEqualTo("authorization_pending");
        }
    }

    @Test
    void guessing_from_many_addresses_is_refused_after_the_attempts_all_may_make() {
        start(Map.of("pairing.attemptsPerAddress", "10", "pairing.attemptsTotal", "3",
                "http.trustedProxies", "127.0.0.1"));

        for (int i = 1; i <= 3; i++) {
            assertThat(redeemFrom("10.0.0." + i).statusCode()).isEqualTo(400);
        }

        HttpResponse<String> refused = redeemFrom("10.0.0.4");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    // ---- devices ----

    @Test
    void paired_devices_are_listed_and_revoking_one_closes_its_connection() {
        start();
        JsonNode started = startPairing("desktop", "Alice's laptop", "macOS");
        http.post("/api/pair/requests/" + started.get("user_code").asString() + "/approve", admin, "");
        JsonNode token = poll(started).json();
        WireClient device = WireClient.authenticated(hub.port(), token.get("access_token").asString());
        clients.add(device);

        JsonNode devices = http.get("/api/pair/devices", admin).json();
        assertThat(devices).hasSize(1);
        JsonNode listed = devices.get(0);
        assertThat(listed.get("tokenId").asString()).isEqualTo(token.get("token_id").asString());
        assertThat(listed.get("deviceName").asString()).isEqualTo("Alice's laptop");
        assertThat(listed.get("kind").asString()).isEqualTo("desktop");
        assertThat(listed.get("platform").asString()).isEqualTo("macOS");
        assertThat(listed.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(listed.get("lastSeen").isNull()).as("connected once").isFalse();

        Http.Response revoked = http.delete("/api/pair/devices/" + token.get("token_id").asString(), admin);

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(device.awaitClose()).isEqualTo(4003);
        assertThat(device.closeReason()).contains("revoked");
        assertThat(http.get("/api/services", token.get("access_token").asString()).status()).isEqualTo(401);
        assertThat(http.get("/api/pair/devices", admin).json().get(0).get("revokedAt").isNull()).isFalse();
        assertThat(http.delete("/api/pair/devices/nosuchtoken0", admin).status()).isEqualTo(404);
    }

    @Test
    void every_pairing_step_is_in_the_audit_log() {
        start();
        JsonNode approvedOne = startPairing("desktop", "Laptop", null);
        JsonNode deniedOne = startPairing("mobile", "Unknown phone", null);
        http.post("/api/pair/requests/" + approvedOne.get("user_code").asString() + "/approve", admin, "");
        http.post("/api/pair/requests/" + deniedOne.get("user_code").asString() + "/deny", admin, "");
        String tokenId = poll(approvedOne).json().get("token_id").asString();
        String code = http.post("/api/pair/invites", admin, "{\"kind\": \"mobile\"}").json().get("code").asString();
        redeem(code, "Phone");
        http.delete("/api/pair/devices/" + tokenId, admin);

        List<AuditEntry> audit = hub.context().audit().recent(50);

        assertThat(audit).extracting(AuditEntry::action).contains("pair.start", "pair.approve", "pair.deny",
                "pair.redeem", "pair.invite", "pair.revoke");
        assertThat(audit).filteredOn(entry -> entry.action().equals("pair.redeem")).hasSize(2);
        assertThat(audit).filteredOn(entry -> entry.action().equals("pair.approve"))
                .allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("api:admin"));
    }

    @Test
    void codes_are_stored_only_as_hashes() throws IOException {
        start();
        JsonNode started = startPairing("desktop", "Laptop", null);
        String invite = http.post("/api/pair/invites", admin, "{\"kind\": \"mobile\"}").json().get("code").asString();

        String stored = databaseText();

        for (String code : List.of(started.get("user_code").asString(), started.get("device_code").asString(),
                invite)) {
            assertThat(stored).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
        assertThat(stored).contains(PairingCodes.hash(invite.replace("-", "")));
    }

    // ---- helpers ----

    /** A music bot of that name, connected, with the music bot's preset scopes. */
    WireClient bot(String name) {
        WireClient bot = WireClient.authenticated(hub.port(),
                hub.context().tokens().create(name, "music-bot", ScopePresets.forKind("music-bot")).token());
        clients.add(bot);
        return bot;
    }

    JsonNode startPairing(String kind, String name, String platform) {
        String body = "{\"kind\": \"" + kind + "\", \"name\": \"" + name + "\""
                + (platform == null ? "" : ", \"platform\": \"" + platform + "\"") + "}";
        Http.Response started = http.post("/api/pair/start", null, body);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json();
    }

    Http.Response poll(JsonNode started) {
        return http.post("/api/pair/token", null, "{\"device_code\": \"" + started.get("device_code").asString()
                + "\", \"grant_type\": \"urn:ietf:params:oauth:grant-type:device_code\"}");
    }

    Http.Response redeem(String code, String name) {
        return http.post("/api/pair/redeem", null, "{\"code\": \"" + code + "\", \"name\": \"" + name + "\"}");
    }

    /** A POST with JSON and the headers given as name, value, name, value, ...; its answer, which must be 200 or 201. */
    JsonNode postWith(String path, String json, String... headers) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .headers(headers).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
            return FrameCodec.DEFAULT.mapper().readTree(answer.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> redeemFrom(String address) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/pair/redeem"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"BBBB-BBBB\", \"name\": \"Guess\"}")).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every byte of the database and its write-ahead log, as text. */
    String databaseText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("roadie.db")).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }
}
