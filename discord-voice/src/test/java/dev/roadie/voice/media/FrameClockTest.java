package dev.roadie.voice.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class FrameClockTest {

    @Test
    void ticks_that_take_time_do_not_push_the_grid() throws Exception {
        int ticks = 100;
        CountDownLatch done = new CountDownLatch(ticks);
        long[] times = new long[ticks];
        // Each tick works 6 ms (parked, standing in for encryption and a send); a clock that slept
        // 20 ms after each tick would take 26 ms a tick, this one keeps to 20.
        try (FrameClock clock = new FrameClock("test-clock", Duration.ofMillis(20), () -> {
            int index = (int) (ticks - done.getCount());
            if (index < ticks) {
                times[index] = System.nanoTime();
            }
            LockSupport.parkNanos(Duration.ofMillis(6).toNanos());
            done.countDown();
        })) {
            clock.start();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }

        double meanMillis = (times[ticks - 1] - times[0]) / 1e6 / (ticks - 1);
        assertThat(meanMillis).isCloseTo(20.0, within(1.0));
    }

    @Test
    void a_tick_that_throws_does_not_stop_the_clock() throws Exception {
        CountDownLatch ticks = new CountDownLatch(3);
        try (FrameClock clock = new FrameClock("test-clock", Duration.ofMillis(20), () -> {
            ticks.countDown();
            throw new IllegalStateException("a listener failed");
        })) {
            clock.start();
            assertThat(ticks.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
