package dev.roadie.hub.socket;

import static dev.roadie.hub.testing.Frames.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Ack;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Message;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed frames on an authenticated session: each gets an error frame with the right code and
 * a message naming the problem, is not acted on, and the connection goes on working.
 */
class BadInputTest {
    /** Where the malformed frames that would route somewhere point: the receiver of each test. */
    static final String TO = "service:music-bot/receiver";

    @RegisterExtension
    static final HubExtension hub = HubExtension.withDefaults();
    static final AtomicInteger names = new AtomicInteger();

    WireClient sender;
    WireClient receiver;

    @BeforeEach
    void connect() {
        // One receiver identity for all tests: each test's receiver replaces the previous one.
        receiver = hub.client("receiver", "music-bot");
        sender = hub.client("sender-" + names.incrementAndGet(), "desktop", "send:*", "publish:*", "subscribe:*",
                "announce:*");
    }

    /**
     * The connection still works after the bad frame: a numbered message reaches the receiver as
     * the first message it gets (so the bad frame was not delivered) and is acknowledged.
     */
    void assertStillRoutes() {
        long seq = sender.sendNumbered(message("after", Address.service("music-bot", "receiver")));
        assertThat(receiver.expect(Message.class).id()).isEqualTo("after");
        sender.expectAck(seq);
        assertThat(sender.isClosedByHub()).isFalse();
    }

    static Arguments bad(String what, String frame, ErrorCode code, String says, String re) {
        return Arguments.of(what, frame, code, says, re);
    }

    static Stream<Arguments> malformedFrames() {
        String longId = "i".repeat(65);
        return Stream.of(
                bad("not JSON", "this is not json", ErrorCode.BAD_JSON, "not valid JSON", null),
                bad("truncated JSON", "{\"type\":\"message\",\"id\":\"m-1\"", ErrorCode.BAD_JSON, "not valid JSON",
                        null),
                bad("a JSON array", "[{\"type\":\"ping\",\"ts\":1}]", ErrorCode.BAD_JSON, "one JSON object", null),
                bad("a JSON string", "\"ping\"", ErrorCode.BAD_JSON, "one JSON object", null),
                bad("JSON null", "null", ErrorCode.BAD_JSON, "one JSON object", null),
                bad("an empty frame", "", ErrorCode.BAD_JSON, "one JSON object", null),
                bad("two objects in one frame", "{\"type\":\"ping\",\"ts\":1}{\"type\":\"ping\",\"ts\":2}",
                        ErrorCode.BAD_JSON, "one JSON object", null),
                bad("a duplicate property", "{\"type\":\"message\",\"id\":\"m-1\",\"id\":\"m-2\",\"to\":\"" + TO
                        + "\",\"subject\":\"s\"}", ErrorCode.BAD_JSON, "Duplicate", null),
                bad("no type", "{\"id\":\"m-1\",\"to\":\"" + TO + "\",\"subject\":\"s\"}", ErrorCode.UNKNOWN_TYPE,
                        "no 'type'", "m-1"),
                bad("a null type", "{\"type\":null,\"id\":\"m-1\"}", ErrorCode.UNKNOWN_TYPE, "no 'type'", "m-1"),
                bad("an unknown type", "{\"type\":\"teleport\",\"id\":\"t-1\"}", ErrorCode.UNKNOWN_TYPE,
                        "unknown frame type 'teleport'", "t-1"),
                bad("a message without to", "{\"type\":\"message\",\"id\":\"m-1\",\"subject\":\"s\"}",
                        ErrorCode.INVALID_FRAME, "'to' is required", "m-1"),
                bad("a message without subject", "{\"type\":\"message\",\"id\":\"m-1\",\"to\":\"" + TO + "\"}",
                        ErrorCode.INVALID_FRAME, "'subject' is required", "m-1"),
                bad("a message with a blank subject", "{\"type\":\"message\",\"id\":\"m-1\",\"to\":\"" + TO
                        + "\",\"subject\":\"  \"}", ErrorCode.INVALID_FRAME, "'subject' is required", "m-1"),
                bad("a message without id", "{\"type\":\"message\",\"to\":\"" + TO + "\",\"subject\":\"s\"}",
                        ErrorCode.INVALID_FRAME, "'id' is required", null),
                bad("a request without id", "{\"type\":\"request\",\"to\":\"" + TO + "\",\"subject\":\"s\"}",
                        ErrorCode.INVALID_FRAME, "'id' is required", null),
                bad("a string where a number belongs", "{\"type\":\"request\",\"id\":\"r-1\",\"to\":\"" + TO
                        + "\",\"subject\":\"s\",\"timeoutMs\":\"soon\"}", ErrorCode.INVALID_FRAME, "'timeoutMs'",
                        "r-1"),
                bad("an object where a string belongs", "{\"type\":\"message\",\"id\":\"m-1\",\"to\":\"" + TO
                        + "\",\"subject\":{\"a\":1}}", ErrorCode.INVALID_FRAME, "'subject'", "m-1"),
                bad("a negative timeout", "{\"type\":\"request\",\"id\":\"r-1\",\"to\":\"" + TO
                        + "\",\"subject\":\"s\",\"timeoutMs\":-5}", ErrorCode.INVALID_FRAME,
                        "'timeoutMs' must not be negative", "r-1"),
                bad("an address of no known form", "{\"type\":\"message\",\"id\":\"m-1\",\"to\":\"nowhere\","
                        + "\"subject\":\"s\"}", ErrorCode.INVALID_FRAME, "address must be", "m-1"),
                bad("an address with an upper-case kind", "{\"type\":\"message\",\"id\":\"m-1\","
                        + "\"to\":\"service:Music-Bot/receiver\",\"subject\":\"s\"}", ErrorCode.INVALID_FRAME,
                        "kind must be", "m-1"),
                bad("a service address without a name", "{\"type\":\"message\",\"id\":\"m-1\","
                        + "\"to\":\"service:music-bot\",\"subject\":\"s\"}", ErrorCode.INVALID_FRAME,
                        "kind/name", "m-1"),
                bad("a bad reply status", "{\"type\":\"reply\",\"id\":\"rp-1\",\"re\":\"h1\",\"status\":\"maybe\"}",
                        ErrorCode.INVALID_FRAME, "unknown ReplyStatus 'maybe'", "rp-1"),
                bad("a bad gather mode", "{\"type\":\"gather\",\"id\":\"g-1\",\"to\":\"kind:music-bot\","
                        + "\"subject\":\"s\",\"mode\":\"some\"}", ErrorCode.INVALID_FRAME, "unknown GatherMode 'some'",
                        "g-1"),
                bad("a quorum gather without quorum", "{\"type\":\"gather\",\"id\":\"g-1\",\"to\":\"kind:music-bot\","
                        + "\"subject\":\"s\",\"mode\":\"quorum\"}", ErrorCode.INVALID_FRAME, "'quorum'", "g-1"),
                bad("a state of down", "{\"type\":\"state\",\"id\":\"st-1\",\"service\":\"music-bot/receiver\","
                        + "\"state\":\"down\"}", ErrorCode.INVALID_FRAME, "'state' down", "st-1"),
                bad("an error with an unknown code", "{\"type\":\"error\",\"id\":\"e-1\",\"code\":\"oops\"}",
                        ErrorCode.INVALID_FRAME, "unknown ErrorCode 'oops'", "e-1"),
                bad("a negative seq on a message", "{\"type\":\"message\",\"seq\":-1,\"id\":\"m-1\",\"to\":\"" + TO
                        + "\",\"subject\":\"s\"}", ErrorCode.INVALID_FRAME, "'seq' must not be negative", "m-1"),
                bad("a negative seq on an ack", "{\"type\":\"ack\",\"seq\":-1}", ErrorCode.INVALID_FRAME,
                        "'seq' must not be negative", null),
                bad("a welcome from a client", "{\"type\":\"welcome\",\"session\":\"s\",\"epoch\":\"e\"}",
                        ErrorCode.INVALID_FRAME, "'welcome' is not sent by clients", null),
                bad("a goodbye from a client", "{\"type\":\"goodbye\",\"reason\":\"bye\"}", ErrorCode.INVALID_FRAME,
                        "'goodbye' is not sent by clients", null),
                bad("a gather-result from a client", "{\"type\":\"gather-result\",\"id\":\"gr-1\",\"re\":\"g-1\","
                        + "\"mode\":\"all\"}", ErrorCode.INVALID_FRAME, "only the hub sends gather-result", "gr-1"),
                bad("a reply with status timeout", "{\"type\":\"reply\",\"id\":\"rp-1\",\"re\":\"h1\","
                        + "\"status\":\"timeout\"}", ErrorCode.INVALID_FRAME, "timeout is the hub's to say", "rp-1"),
                bad("a reply with status gone", "{\"type\":\"reply\",\"id\":\"rp-1\",\"re\":\"h1\","
                        + "\"status\":\"gone\"}", ErrorCode.INVALID_FRAME, "gone is the hub's to say", "rp-1"),
                bad("a reply with status no-route", "{\"type\":\"reply\",\"id\":\"rp-1\",\"re\":\"h1\","
                        + "\"status\":\"no-route\"}", ErrorCode.INVALID_FRAME, "no-route is the hub's to say", "rp-1"),
                bad("an id over 64 characters", "{\"type\":\"message\",\"id\":\"" + longId + "\",\"to\":\"" + TO
                        + "\",\"subject\":\"s\"}", ErrorCode.INVALID_FRAME, "'id' is longer than 64 characters", null),
                bad("a subject over 128 characters", "{\"type\":\"message\",\"id\":\"m-1\",\"to\":\"" + TO
                        + "\",\"subject\":\"" + "s".repeat(129) + "\"}", ErrorCode.INVALID_FRAME,
                        "'subject' is longer than 128 characters", "m-1"),
                bad("an announce with illegal characters in the name", "{\"type\":\"announce\",\"id\":\"a-1\","
                        + "\"service\":{\"kind\":\"audio-node\",\"name\":\"Bad Name!\"}}", ErrorCode.INVALID_FRAME,
                        "service.name must be", "a-1"),
                bad("an announce without a service", "{\"type\":\"announce\",\"id\":\"a-1\"}",
                        ErrorCode.INVALID_FRAME, "'service' is required", "a-1"),
                bad("a subscribe to an illegal topic", "{\"type\":\"subscribe\",\"id\":\"s-1\",\"topic\":\"a b\"}",
                        ErrorCode.INVALID_FRAME, "topic must be", "s-1"),
                bad("a body nested too deep", "{\"type\":\"message\",\"id\":\"m-1\",\"to\":\"" + TO
                        + "\",\"subject\":\"s\",\"body\":" + "[".repeat(600) + "]".repeat(600) + "}",
                        ErrorCode.INVALID_FRAME, "nesting depth", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void a_malformed_frame_gets_an_error_naming_the_problem_and_the_connection_stays_usable(String what,
            String frame, ErrorCode code, String says, String re) {
        sender.send(frame);

        ErrorFrame error = sender.expectError();
        assertThat(error.code()).as("code").isEqualTo(code);
        assertThat(error.message()).as("message").contains(says);
        assertThat(error.re()).as("re").isEqualTo(re);
        assertThat(error.seq()).as("errors after the hello are numbered").isPositive();
        assertStillRoutes();
    }

    @Test
    void a_malformed_frame_is_not_acknowledged() {
        sender.send("{\"type\":\"message\",\"seq\":1,\"id\":\"m-1\",\"to\":\"nowhere\",\"subject\":\"s\"}");

        sender.expectError();
        sender.sync();
        assertThat(sender.received()).noneMatch(Ack.class::isInstance);
    }

    @Test
    void a_small_binary_frame_is_ignored_and_the_connection_stays_usable() {
        sender.send(new byte[] {'{', '}', 0, 1, 2, 3});

        sender.sync();
        assertThat(sender.received()).as("no answer at all to a binary frame").isEmpty();
        assertStillRoutes();
    }

    @Test
    void a_binary_frame_over_1_kib_closes_the_socket_with_1009() {
        long before = hub.closesWith(1009);

        sender.send(new byte[2048]);

        // As for text over the hard limit, the client may see the reset (1006) instead of the 1009.
        assertThat(sender.awaitClose()).isIn(1009, 1006);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hub.closesWith(1009))
                .isEqualTo(before + 1));
    }

    @Test
    void a_binary_frame_before_the_hello_is_ignored_and_a_hello_after_it_still_works() {
        WireClient fresh = WireClient.connect(hub.port());
        hub.track(fresh);

        fresh.send(new byte[] {1, 2, 3});

        fresh.hello(hub.token("late-" + names.incrementAndGet(), "desktop"));
        assertThat(fresh.isClosedByHub()).isFalse();
    }
}
