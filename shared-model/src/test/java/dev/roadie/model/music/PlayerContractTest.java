package dev.roadie.model.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The player commands and events on the wire (docs/PROTOCOL.md section 12), read and written by the codec. */
class PlayerContractTest {
    private static final FrameCodec CODEC = FrameCodec.DEFAULT;
    private static final Track TRACK = new Track("Paper Boats", "Harbour Lights", null, 202_000,
            "https://www.deezer.com/track/9001", null, "deezer", null, true);

    private static PlayerCommand command(String json) {
        return CODEC.fromTree(tree(json), PlayerCommand.class);
    }

    private static JsonNode tree(String json) {
        return CODEC.mapper().readTree(json);
    }

    private static String write(Object value) {
        return CODEC.mapper().writeValueAsString(value);
    }

    @Test
    void previous_shuffle_and_repeat_are_read_from_their_wire_names() {
        assertThat(command("{\"command\":\"previous\",\"guild\":\"123\"}")).isEqualTo(new PlayerCommand.Previous("123"));
        assertThat(command("{\"command\":\"shuffle\",\"guild\":\"123\"}")).isEqualTo(new PlayerCommand.Shuffle("123"));
        assertThat(command("{\"command\":\"repeat\",\"guild\":\"123\",\"mode\":\"one\"}"))
                .isEqualTo(new PlayerCommand.Repeat("123", RepeatMode.ONE));
        assertThat(write(new PlayerCommand.Repeat("123", RepeatMode.OFF)))
                .isEqualTo("{\"command\":\"repeat\",\"guild\":\"123\",\"mode\":\"off\"}");
    }

    @Test
    void a_repeat_without_a_mode_is_an_invalid_frame_that_names_the_modes() {
        assertThatThrownBy(() -> command("{\"command\":\"repeat\",\"guild\":\"123\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FRAME))
                .hasMessageContaining("repeat needs a mode: off, one or all");
    }

    @Test
    void a_repeat_mode_that_does_not_exist_is_an_invalid_frame() {
        assertThatThrownBy(() -> command("{\"command\":\"repeat\",\"guild\":\"123\",\"mode\":\"forever\"}"))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FRAME));
    }

    @Test
    void a_now_playing_without_clock_time_or_repeat_is_written_as_before_they_existed() {
        var nowPlaying = new PlayerEvent.NowPlaying("123", TRACK, 61_000, false, 100);

        assertThat(write(nowPlaying)).isEqualTo("{\"event\":\"now-playing\",\"guild\":\"123\",\"track\":{\"title\":"
                + "\"Paper Boats\",\"artist\":\"Harbour Lights\",\"durationMs\":202000,\"uri\":"
                + "\"https://www.deezer.com/track/9001\",\"source\":\"deezer\",\"playable\":true},"
                + "\"positionMs\":61000,\"volume\":100}");
    }

    @Test
    void a_now_playing_carries_the_time_its_position_was_taken_and_the_repeat_mode() {
        var nowPlaying = new PlayerEvent.NowPlaying("123", null, 5_000, Instant.parse("2026-12-07T10:05:12.345Z"),
                true, 80, RepeatMode.ALL);

        String json = write(nowPlaying);

        assertThat(json).isEqualTo("{\"event\":\"now-playing\",\"guild\":\"123\",\"positionMs\":5000,"
                + "\"positionAt\":\"2026-12-07T10:05:12.345Z\",\"paused\":true,\"volume\":80,\"repeat\":\"all\"}");
        assertThat(CODEC.fromTree(tree(json), PlayerEvent.class)).isEqualTo(nowPlaying);
    }

    @Test
    void an_event_of_a_bot_that_knows_no_repeat_reads_as_repeat_off_with_no_clock_time() {
        PlayerEvent event = CODEC.fromTree(tree("{\"event\":\"queue\",\"guild\":\"123\",\"nowPlaying\":{\"event\":"
                + "\"now-playing\",\"guild\":\"123\",\"positionMs\":61000,\"volume\":100},\"queue\":[{\"title\":\"A\"}]}"),
                PlayerEvent.class);

        assertThat(event).isInstanceOfSatisfying(PlayerEvent.QueueSnapshot.class, snapshot -> {
            assertThat(snapshot.nowPlaying().repeat()).isEqualTo(RepeatMode.OFF);
            assertThat(snapshot.nowPlaying().positionAt()).isNull();
            assertThat(snapshot.queue()).extracting(Track::title).isEqualTo(List.of("A"));
        });
    }
}
