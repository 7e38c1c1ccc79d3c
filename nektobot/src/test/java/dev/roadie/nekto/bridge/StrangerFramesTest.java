package dev.roadie.nekto.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrangerFramesTest {

    @Test
    void a_burst_longer_than_100_ms_keeps_only_the_newest_frames_so_the_delay_stays_short() {
        StrangerFrames frames = new StrangerFrames();
        for (int i = 0; i < 50; i++) {
            frames.offer(new byte[] {(byte) i});
        }

        assertThat(frames.dropped()).isEqualTo(45);
        for (int i = 45; i < 50; i++) {
            assertThat(frames.nextFrame()).containsExactly(i);
        }
        assertThat(frames.nextFrame()).isNull();
    }
}
