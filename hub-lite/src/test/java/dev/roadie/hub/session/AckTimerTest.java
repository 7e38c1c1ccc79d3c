package dev.roadie.hub.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AckTimerTest {

    @Test
    void flushes_asked_for_while_one_is_pending_run_with_it_in_one_wake_up() throws Exception {
        try (AckTimer timer = new AckTimer(Duration.ofMillis(50))) {
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch all = new CountDownLatch(3);
            long asked = System.nanoTime();

            timer.schedule(() -> ran(ran, "first", all), TimeUnit.MILLISECONDS.toNanos(50));
            timer.schedule(() -> ran(ran, "second", all), TimeUnit.MILLISECONDS.toNanos(10));
            timer.schedule(() -> ran(ran, "third", all), TimeUnit.MILLISECONDS.toNanos(30));

            assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
            // Each on its own timer would have run by its own due time: second, third, first.
            assertThat(ran).containsExactly("first", "second", "third");
            assertThat(System.nanoTime() - asked).as("none before the first was due")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void a_flush_asked_for_after_a_run_gets_a_run_of_its_own() throws Exception {
        try (AckTimer timer = new AckTimer(Duration.ofMillis(5))) {
            CountDownLatch first = new CountDownLatch(1);
            timer.schedule(first::countDown, TimeUnit.MILLISECONDS.toNanos(5));
            assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

            CountDownLatch second = new CountDownLatch(1);
            assertThat(timer.schedule(second::countDown, TimeUnit.MILLISECONDS.toNanos(5))).isTrue();

            assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void a_stopped_timer_refuses_flushes() {
        AckTimer timer = new AckTimer(Duration.ofMillis(5));
        timer.close();

        assertThat(timer.schedule(() -> { }, 1)).isFalse();
    }

    private static void ran(List<String> ran, String name, CountDownLatch all) {
        ran.add(name);
        all.countDown();
    }
}
