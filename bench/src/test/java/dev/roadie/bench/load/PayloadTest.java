package dev.roadie.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void a_payload_has_the_asked_size_and_gives_back_its_step_sequence_and_intended_time() {
        String payload = Payload.of(7, 123_456, 987_654_321_000L, 100);

        assertThat(payload).hasSize(100);
        assertThat(Payload.step(payload)).isEqualTo(7);
        assertThat(Payload.seq(payload)).isEqualTo(123_456);
        assertThat(Payload.intendedNanos(payload)).isEqualTo(987_654_321_000L);
    }

    @Test
    void a_size_smaller_than_the_header_keeps_the_whole_header() {
        String payload = Payload.of(1, 2, 3, 1);

        assertThat(Payload.intendedNanos(payload)).isEqualTo(3);
    }

    @Test
    void a_medium_payload_is_two_kilobytes() {
        assertThat(Payload.of(1, 2, System.nanoTime(), 2048)).hasSize(2048);
    }
}
