package dev.roadie.voice.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private static byte[] frame(int n) {
        return new byte[] {(byte) n};
    }

    /** What plays at each of {@code ticks} ticks: the frame's number, "lost", or "-" for nothing. */
    private static List<String> play(JitterBuffer buffer, int ticks) {
        List<String> played = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            played.add(switch (buffer.poll()) {
                case JitterBuffer.Frame(byte[] frame) -> String.valueOf(frame[0]);
                case JitterBuffer.Lost lost -> "lost";
                case JitterBuffer.Idle idle -> "-";
            });
        }
        return played;
    }

    @Test
    void the_first_frame_waits_the_delay_before_it_plays() {
        JitterBuffer buffer = new JitterBuffer(3);
        buffer.offer(100, frame(1));

        assertThat(play(buffer, 3)).containsExactly("-", "-", "1");
    }

    @Test
    void a_full_delay_of_frames_starts_play_at_once() {
        JitterBuffer buffer = new JitterBuffer(3);
        buffer.offer(100, frame(1));
        buffer.offer(101, frame(2));
        buffer.offer(102, frame(3));

        assertThat(play(buffer, 3)).containsExactly("1", "2", "3");
    }

    @Test
    void reordered_frames_play_in_sequence_order() {
        JitterBuffer buffer = new JitterBuffer(3);
        buffer.offer(101, frame(2));
        buffer.offer(100, frame(1));
        buffer.offer(103, frame(4));
        buffer.offer(102, frame(3));

        assertThat(play(buffer, 4)).containsExactly("1", "2", "3", "4");
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void a_missing_frame_is_reported_lost_when_a_later_one_is_there() {
        JitterBuffer buffer = new JitterBuffer(2);
        buffer.offer(100, frame(1));
        buffer.offer(101, frame(2));
        buffer.offer(103, frame(4));

        assertThat(play(buffer, 4)).containsExactly("1", "2", "lost", "4");
        assertThat(buffer.lost()).isEqualTo(1);
    }

    @Test
    void a_frame_arriving_after_its_turn_is_counted_late_and_not_played() {
        JitterBuffer buffer = new JitterBuffer(1);
        buffer.offer(100, frame(1));
        buffer.offer(102, frame(3));
        assertThat(play(buffer, 3)).containsExactly("1", "lost", "3");

        assertThat(buffer.offer(101, frame(2))).isFalse();

        assertThat(buffer.late()).isEqualTo(1);
        assertThat(play(buffer, 1)).containsExactly("-");
    }

    @Test
    void a_duplicate_is_dropped() {
        JitterBuffer buffer = new JitterBuffer(1);
        assertThat(buffer.offer(100, frame(1))).isTrue();
        assertThat(buffer.offer(100, frame(1))).isFalse();

        assertThat(buffer.duplicates()).isEqualTo(1);
        assertThat(play(buffer, 2)).containsExactly("1", "-");
    }

    @Test
    void the_sequence_wraps_from_65535_to_0_without_a_loss() {
        JitterBuffer buffer = new JitterBuffer(2);
        buffer.offer(65_534, frame(1));
        buffer.offer(65_535, frame(2));
        buffer.offer(0, frame(3));
        buffer.offer(1, frame(4));

        assertThat(play(buffer, 4)).containsExactly("1", "2", "3", "4");
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void after_a_pause_the_next_talk_spurt_buffers_again() {
        JitterBuffer buffer = new JitterBuffer(2);
        buffer.offer(100, frame(1));
        buffer.offer(101, frame(2));
        play(buffer, 2 + JitterBuffer.PAUSE_TICKS);

        buffer.offer(150, frame(5));

        assertThat(play(buffer, 2)).containsExactly("-", "5");
        assertThat(buffer.lost()).as("the sequence gap of a pause is not loss").isZero();
    }

    @Test
    void a_sequence_jump_longer_than_concealment_covers_is_skipped_not_concealed() {
        JitterBuffer buffer = new JitterBuffer(1);
        buffer.offer(100, frame(1));
        assertThat(play(buffer, 1)).containsExactly("1");

        buffer.offer(30_000, frame(2));
        buffer.offer(30_001, frame(3));

        assertThat(play(buffer, 2)).containsExactly("2", "3");
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void a_sender_restarting_its_sequence_lower_is_played_after_a_few_late_frames() {
        JitterBuffer buffer = new JitterBuffer(1);
        for (int i = 0; i < 3; i++) {
            buffer.offer(40_000 + i, frame(i));
        }
        play(buffer, 3);

        for (int i = 0; i < JitterBuffer.RESTART_AFTER_LATE; i++) {
            buffer.offer(20_000 + i, frame(50 + i));
        }

        assertThat(buffer.late()).isEqualTo(JitterBuffer.RESTART_AFTER_LATE);
        assertThat(play(buffer, 1)).containsExactly(String.valueOf(50 + JitterBuffer.RESTART_AFTER_LATE - 1));
    }
}
