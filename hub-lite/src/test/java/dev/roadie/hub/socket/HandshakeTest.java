package dev.roadie.hub.socket;

import static dev.roadie.hub.testing.Frames.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.auth.IssuedToken;
import dev.roadie.hub.testing.Frames;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Welcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hello: who may connect, as whom, what the welcome says, and what a refused hello looks like. */
class HandshakeTest {
    static final long AUTH_TIMEOUT_MS = 300;
    static final long HEARTBEAT_MS = 250;

    @RegisterExtension
    final HubExtension hub = HubExtension.with(Map.of(
            "limits.authTimeout", AUTH_TIMEOUT_MS + "ms",
            "heartbeat.interval", HEARTBEAT_MS + "ms",
            "limits.maxFrameBytes", "2KiB"));
    int probes;

    WireClient track(WireClient client) {
        hub.track(client);
        return client;
    }

    WireClient connect() {
        return track(WireClient.connect(hub.port()));
    }

    WireClient client(String name, String kind, String... scopes) {
        return track(hub.client(name, kind, scopes));
    }

    static Hello hello(String token) {
        return new Hello(token, null, null, null, 1, "handshake-test");
    }

    /** Expects the one error frame of a refused hello and the 4003 close after it. */
    static ErrorFrame expectRefused(WireClient client, ErrorCode code) {
        ErrorFrame error = client.expectError();
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.seq()).as("errors refusing a hello are unnumbered").isZero();
        assertThat(client.awaitClose()).isEqualTo(4003);
        assertThat(client.closeReason()).isEqualTo("unauthorized: " + code.wire());
        return error;
    }

    /** Proves {@code receiver} is routable as {@code kind/name}: a message sent there by a fresh client arrives. */
    void assertRoutable(WireClient receiver, String kind, String name) {
        String prober = "prober-" + (++probes);
        WireClient sender = client(prober, "desktop", "send:*");
        String id = "probe-" + System.nanoTime();
        long seq = sender.sendNumbered(message(id, Address.service(kind, name)));
        assertThat(receiver.expect(Message.class, m -> m.id().equals(id)).from())
                .isEqualTo(new ServiceId("desktop", prober));
        sender.expectAck(seq);
    }

    @Test
    void a_connection_that_sends_no_hello_within_the_auth_timeout_is_closed_with_4001() {
        long started = System.nanoTime();
        WireClient silent = connect();

        assertThat(silent.awaitClose()).isEqualTo(4001);

        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(silent.closeReason()).startsWith("no hello in time");
        // Not before the configured timeout, and long before the 5 s default.
        assertThat(elapsedMs).isBetween(AUTH_TIMEOUT_MS, 4_000L);
    }

    static Stream<Arguments> badTokens() {
        String wellFormedUnknown = "rd_AAAAAAAAAAAA_" + "B".repeat(43);
        return Stream.of(
                Arguments.of("not a token at all", "password123"),
                Arguments.of("the right prefix but too short", "rd_short"),
                Arguments.of("well formed but unknown", wellFormedUnknown));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void a_bad_token_is_refused_with_unauthorized_then_4003(String what, String token) {
        WireClient client = connect();

        client.sendFrame(hello(token));

        ErrorFrame error = expectRefused(client, ErrorCode.UNAUTHORIZED);
        assertThat(error.message()).contains("unknown or revoked");
    }

    @Test
    void a_real_token_id_with_a_wrong_secret_is_refused_with_unauthorized() {
        String good = hub.token("alice", "desktop");
        char last = good.charAt(good.length() - 1);
        String forged = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
        WireClient client = connect();

        client.sendFrame(hello(forged));

        expectRefused(client, ErrorCode.UNAUTHORIZED);
    }

    @Test
    void a_hello_without_any_token_is_refused_and_told_where_the_token_goes() {
        WireClient client = connect();

        client.sendFrame(hello(null));

        ErrorFrame error = expectRefused(client, ErrorCode.UNAUTHORIZED);
        assertThat(error.message()).contains("Authorization: Bearer");
    }

    @ParameterizedTest(name = "header prefix ''{0}''")
    @ValueSource(strings = {"Bearer ", "bearer ", "BEARER "})
    void a_token_in_the_authorization_header_works_with_a_hello_without_token(String prefix) {
        String token = hub.token("alice", "desktop", "send:music-bot");
        WireClient client = track(WireClient.connect(hub.port(), Map.of("Authorization", prefix + token)));

        Welcome welcome = client.hello(hello(null));

        assertThat(welcome.you().kind()).isEqualTo("desktop");
        assertThat(welcome.you().name()).isEqualTo("alice");
        assertRoutable(client, "desktop", "alice");
    }

    @Test
    void the_hellos_token_wins_over_the_header_when_both_are_given() {
        String token = hub.token("alice", "desktop");
        WireClient client = track(WireClient.connect(hub.port(),
                Map.of("Authorization", "Bearer rd_AAAAAAAAAAAA_" + "B".repeat(43))));

        Welcome welcome = client.hello(hello(token));

        assertThat(welcome.you().name()).isEqualTo("alice");
    }

    static Stream<Arguments> refusedFirstFrames() {
        return Stream.of(
                Arguments.of("a ping", "{\"type\":\"ping\",\"ts\":1}", ErrorCode.HELLO_REQUIRED, "must be a hello"),
                Arguments.of("a message", "{\"type\":\"message\",\"id\":\"m\",\"to\":\"all\",\"subject\":\"s\"}",
                        ErrorCode.HELLO_REQUIRED, "must be a hello"),
                Arguments.of("not JSON", "hello hub", ErrorCode.BAD_JSON, "not valid JSON"),
                Arguments.of("a JSON array", "[]", ErrorCode.BAD_JSON, "one JSON object"),
                Arguments.of("JSON null", "null", ErrorCode.BAD_JSON, "one JSON object"),
                Arguments.of("an unknown type", "{\"type\":\"helo\"}", ErrorCode.UNKNOWN_TYPE, "'helo'"),
                Arguments.of("a hello with an invalid name",
                        "{\"type\":\"hello\",\"token\":\"x\",\"name\":\"Bad Name\"}",
                        ErrorCode.INVALID_FRAME, "name must be"),
                Arguments.of("a hello of a newer protocol", "{\"type\":\"hello\",\"token\":\"x\",\"protocol\":2}",
                        ErrorCode.INVALID_FRAME, "protocol 1"),
                Arguments.of("a hello over maxFrameBytes",
                        "{\"type\":\"hello\",\"client\":\"" + "x".repeat(3000) + "\"}",
                        ErrorCode.TOO_LARGE, "size limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFirstFrames")
    void a_first_frame_that_is_not_a_valid_hello_is_refused_then_closed_with_4003(String what, String frame,
            ErrorCode code, String says) {
        WireClient client = connect();

        client.send(frame);

        assertThat(expectRefused(client, code).message()).contains(says);
    }

    @ParameterizedTest(name = "claiming {0}/{1}")
    @CsvSource({"desktop, bob", "music-bot, alice", "music-bot, eu-1"})
    void a_hello_claiming_another_identity_with_a_non_admin_token_is_forbidden(String kind, String name) {
        String token = hub.token("alice", "desktop", "send:*");
        WireClient client = connect();

        client.sendFrame(new Hello(token, kind, name, null, 1, "handshake-test"));

        ErrorFrame error = expectRefused(client, ErrorCode.FORBIDDEN);
        assertThat(error.message()).contains("desktop/alice").contains(kind + "/" + name);
    }

    @Test
    void a_hello_repeating_the_tokens_own_identity_is_accepted() {
        String token = hub.token("alice", "desktop");
        WireClient client = connect();

        Welcome welcome = client.hello(new Hello(token, "desktop", "alice", null, 1, "handshake-test"));

        assertThat(welcome.you().name()).isEqualTo("alice");
    }

    @Test
    void an_admin_token_may_choose_kind_and_name() {
        WireClient admin = connect();

        Welcome welcome = admin.hello(new Hello(hub.adminToken(), "music-bot", "eu-9", null, 1, "handshake-test"));

        assertThat(welcome.you().kind()).isEqualTo("music-bot");
        assertThat(welcome.you().name()).isEqualTo("eu-9");
        assertRoutable(admin, "music-bot", "eu-9");
    }

    @Test
    void the_welcome_carries_session_epoch_heartbeat_identity_and_scopes() {
        String aliceToken = hub.token("alice", "desktop", "send:music-bot", "subscribe:player.*", "registry");
        String botToken = hub.token("eu-1", "music-bot", "publish:player.*");
        WireClient alice = connect();
        WireClient bot = connect();

        Welcome first = alice.hello(hello(aliceToken));
        Welcome second = bot.hello(hello(botToken));

        assertThat(first.session()).hasSize(16).isNotEqualTo(second.session());
        assertThat(first.epoch()).isEqualTo(hub.hub().epoch()).isEqualTo(second.epoch()).hasSize(12);
        assertThat(first.heartbeatMs()).isEqualTo(HEARTBEAT_MS);
        assertThat(first.you().kind()).isEqualTo("desktop");
        assertThat(first.you().name()).isEqualTo("alice");
        assertThat(first.you().scopes()).containsExactly("send:music-bot", "subscribe:player.*", "registry");
        assertThat(second.you().scopes()).containsExactly("publish:player.*");
        assertThat(first.limits().maxFrameBytes()).isEqualTo(2048);
        assertThat(first.resumed()).isFalse();
    }

    @Test
    void a_second_connection_of_the_same_identity_replaces_the_first_with_4010() {
        String token = hub.token("eu-1", "music-bot");
        WireClient first = track(WireClient.authenticated(hub.port(), token));

        WireClient second = track(WireClient.authenticated(hub.port(), token));

        assertThat(first.awaitClose()).isEqualTo(4010);
        assertThat(first.closeReason()).startsWith("replaced by a newer connection").contains("music-bot/eu-1");
        assertRoutable(second, "music-bot", "eu-1");
        assertThat(second.isClosedByHub()).isFalse();
        assertThat(first.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void a_hello_that_asks_not_to_replace_a_connected_identity_is_refused_with_4011_and_the_first_goes_on() {
        String token = hub.token("eu-1", "music-bot");
        WireClient first = track(WireClient.authenticated(hub.port(), token));
        WireClient second = connect();

        second.sendFrame(new Hello(token, null, null, null, 1, "handshake-test", false));

        ErrorFrame error = second.expectError();
        assertThat(error.code()).isEqualTo(ErrorCode.IDENTITY_IN_USE);
        assertThat(error.message()).startsWith("music-bot/eu-1 is already connected").contains("\"replace\": true");
        assertThat(second.awaitClose()).isEqualTo(4011);
        assertRoutable(first, "music-bot", "eu-1");
        assertThat(first.isClosedByHub()).isFalse();
    }

    @Test
    void a_hello_that_asks_not_to_replace_opens_a_session_when_the_identity_is_free() {
        String token = hub.token("eu-1", "music-bot");
        WireClient client = connect();

        Welcome welcome = client.hello(new Hello(token, null, null, null, 1, "handshake-test", false));

        assertThat(welcome.you().name()).isEqualTo("eu-1");
    }

    @Test
    void a_second_hello_on_a_live_session_is_refused_and_the_session_stays_usable() {
        String token = hub.token("eu-1", "music-bot");
        WireClient bot = track(WireClient.authenticated(hub.port(), token));

        bot.sendFrame(hello(token));

        ErrorFrame error = bot.expectError();
        assertThat(error.code()).isEqualTo(ErrorCode.ALREADY_AUTHENTICATED);
        assertThat(error.message()).contains("hello already");
        assertRoutable(bot, "music-bot", "eu-1");
        assertThat(bot.isClosedByHub()).isFalse();
    }

    @Test
    void a_revoked_token_can_no_longer_connect() {
        IssuedToken issued = hub.hub().context().tokens().create("alice", "desktop", List.of());
        WireClient before = track(WireClient.authenticated(hub.port(), issued.token()));
        before.close();

        hub.hub().context().tokens().revoke(issued.info().id());

        WireClient after = connect();
        after.sendFrame(hello(issued.token()));
        assertThat(expectRefused(after, ErrorCode.UNAUTHORIZED).message()).contains("revoked");
    }

    @Test
    void revoking_a_token_through_the_api_closes_its_open_socket_with_4003() {
        IssuedToken issued = hub.hub().context().tokens().create("alice", "desktop", List.of());
        WireClient open = track(WireClient.authenticated(hub.port(), issued.token()));

        var response = Frames.http(hub, "DELETE", "/api/tokens/" + issued.info().id(), hub.adminToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(open.awaitClose()).isEqualTo(4003);
        assertThat(open.closeReason()).startsWith("unauthorized: token revoked by");
    }
}
