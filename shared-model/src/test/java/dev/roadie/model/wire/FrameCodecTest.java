package dev.roadie.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class FrameCodecTest {
    private final FrameCodec codec = FrameCodec.DEFAULT;
    private final JsonNode body = codec.mapper().readTree("{\"q\":\"daft punk\",\"n\":3}");
    private final ServiceId bot = new ServiceId("music-bot", "eu-1");

    static Stream<Frame> everyFrame() {
        FrameCodec codec = FrameCodec.DEFAULT;
        JsonNode body = codec.mapper().readTree("[1,\"two\",{\"three\":3}]");
        ServiceId node = new ServiceId("audio-node", "ams-3");
        return Stream.of(
                new Hello("rd_secret", "desktop", "alice", new Hello.Resume("s-1", 41), 1, "roadie-java/0.1"),
                new Hello("rd_secret", null, null, null, 1, "roadie-java/0.1", false),
                new Welcome("s-1", "e-7", 20_000, true, 12,
                        new Welcome.Identity("desktop", "alice", List.of("send:music-bot")),
                        new Welcome.Limits(1 << 20, 200, 256, 300_000)),
                new Welcome("s-2", "e-8", 20_000, false, 0, new Welcome.Identity("desktop", "alice", List.of()),
                        new Welcome.Limits(1 << 20, 200, 256, 300_000),
                        List.of("wss://a.example.org/ws", "wss://b.example.org/ws")),
                new Ping(123), new Pong(123, "e-7"), new Ack(99), new Goodbye("restart", 1500),
                new Message(5, "m-1", node, Address.topic("queue.guild-1"), "player.event", body, true),
                new Request(6, "r-1", null, Address.oneOf("music-bot"), "player.command", body, 5000),
                new Reply(7, null, "r-1", node, ReplyStatus.ERROR, null, new Problem("busy", "try later")),
                new Gather(8, "g-1", Address.everyOf("audio-node"), "health", null, 2000, GatherMode.QUORUM, 2),
                new GatherResult(9, null, "g-1", GatherMode.ALL, false, List.of(
                        new GatherResult.ReceiverResult(node, ReplyStatus.OK, body, null, 12),
                        new GatherResult.ReceiverResult(node, ReplyStatus.TIMEOUT, null,
                                new Problem("timeout", "no answer in 2000 ms"), 2000))),
                new Subscribe(10, "s-1", "registry"), new Unsubscribe(11, "u-1", "registry"),
                new Announce(12, "a-1", new ServiceDescriptor("audio-node", "ams-3", "https://ams-3.example.org:443",
                        List.of("source:youtube"), Map.of("region", "eu"), Map.of("password", "youshallnotpass"))),
                new Stats(13, "st-1", node, new NodeStats(3, 2, 1000, new NodeStats.Memory(1, 2, 3, 4),
                        new NodeStats.Cpu(4, 0.5, 0.25), new NodeStats.FrameStats(3000, 0, 5))),
                new StateChange(14, "x-1", node, ServiceState.DRAINING),
                new ErrorFrame(15, null, "r-9", ErrorCode.FORBIDDEN, "no scope send:music-bot"));
    }

    @ParameterizedTest
    @MethodSource("everyFrame")
    void every_frame_survives_a_round_trip(Frame frame) {
        String text = codec.encode(frame);

        assertThat(codec.decode(text)).isEqualTo(frame);
        assertThat(text).doesNotContain("\n").contains("\"type\":");
    }

    @Test
    void frames_are_written_with_their_wire_names_and_without_empty_fields() {
        String text = codec.encode(new Message(0, "m-1", null, Address.service("music-bot", "eu-1"), "hi", null, false));

        assertThat(text).isEqualTo("{\"type\":\"message\",\"id\":\"m-1\",\"to\":\"service:music-bot/eu-1\",\"subject\":\"hi\"}");
    }

    @Test
    void a_gather_without_mode_means_all() {
        Frame frame = codec.decode("{\"type\":\"gather\",\"id\":\"g\",\"to\":\"kind:audio-node\",\"subject\":\"s\"}");

        assertThat(((Gather) frame).mode()).isEqualTo(GatherMode.ALL);
    }

    @Test
    void not_json_is_bad_json() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ping\""))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
        assertThatThrownBy(() -> codec.decode("[1,2]"))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ping\"} {\"type\":\"ping\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
    }

    @Test
    void an_unknown_type_is_named_in_the_error() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"teleport\",\"id\":\"t-1\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
                    assertThat(e.getMessage()).contains("teleport");
                    assertThat(e.frameId()).isEqualTo("t-1");
                });
    }

    @Test
    void a_frame_without_type_is_unknown_type() {
        assertThatThrownBy(() -> codec.decode("{\"id\":\"x\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
                    assertThat(e.getMessage()).contains("no 'type'");
                });
    }

    @Test
    void a_missing_field_is_named() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"request\",\"id\":\"r-1\",\"subject\":\"s\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FRAME);
                    assertThat(e.getMessage()).isEqualTo("'to' is required");
                    assertThat(e.frameId()).isEqualTo("r-1");
                });
    }

    @Test
    void a_field_of_the_wrong_type_is_named() {
        assertThatThrownBy(() -> codec.decode(
                "{\"type\":\"request\",\"id\":\"r-1\",\"to\":\"all\",\"subject\":\"s\",\"timeoutMs\":\"soon\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FRAME);
                    assertThat(e.getMessage()).startsWith("'timeoutMs'");
                });
    }

    @Test
    void a_bad_address_says_which_forms_exist() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"message\",\"id\":\"m\",\"to\":\"bot\",\"subject\":\"s\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FRAME);
                    assertThat(e.getMessage()).contains("service:KIND/NAME", "'bot'");
                });
    }

    @Test
    void a_bad_enum_value_lists_the_valid_ones() {
        assertThatThrownBy(() -> codec.decode(
                "{\"type\":\"gather\",\"id\":\"g\",\"to\":\"all\",\"subject\":\"s\",\"mode\":\"most\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.getMessage()).contains("most", "quorum"));
    }

    @Test
    void an_announce_says_takeover_only_when_it_takes_over_and_older_announces_read_as_not_taking_over() {
        var descriptor = new ServiceDescriptor("audio-node", "ams-3", null, null, null, null);

        assertThat(codec.encode(new Announce(1, "a", descriptor))).doesNotContain("takeover");
        assertThat(codec.encode(new Announce(1, "a", descriptor, true))).contains("\"takeover\":true");
        assertThat(codec.decode("{\"type\":\"announce\",\"seq\":1,\"id\":\"a\",\"service\":{\"kind\":\"audio-node\","
                + "\"name\":\"ams-3\"}}")).isEqualTo(new Announce(1, "a", descriptor, false));
    }

    @Test
    void no_text_at_all_is_bad_json_and_not_an_illegal_argument() {
        // Found by FrameCodecFuzzTest with a nullable String input.
        assertThatThrownBy(() -> codec.decode(null))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
    }

    @Test
    void unknown_fields_are_ignored_for_newer_peers() {
        assertThat(codec.decode("{\"type\":\"ping\",\"ts\":5,\"future\":{\"x\":1}}")).isEqualTo(new Ping(5));
    }

    @Test
    void secrets_and_tokens_never_show_in_to_string() {
        var hello = new Hello("rd_topsecret", null, null, null, 1, null);
        var descriptor = new ServiceDescriptor("audio-node", "a", null, null, null, Map.of("password", "hunter2"));

        assertThat(hello.toString()).doesNotContain("topsecret");
        assertThat(descriptor.toString()).doesNotContain("hunter2").contains("password");
        assertThat(new Announce(1, "a", descriptor).toString()).doesNotContain("hunter2");
    }

    @Test
    void bodies_read_as_records_with_precise_errors() {
        record Query(String q, int n) {
        }
        assertThat(codec.fromTree(body, Query.class)).isEqualTo(new Query("daft punk", 3));
        assertThatThrownBy(() -> codec.fromTree(codec.mapper().readTree("{\"n\":\"x\"}"), Query.class))
                .isInstanceOf(FrameException.class).hasMessageStartingWith("body: 'n'");
    }

    @Test
    void bot_address_round_trips() {
        assertThat(Address.parse(Address.service(bot.kind(), bot.name()).text())).isEqualTo(new Address.Instance(bot));
    }
}
