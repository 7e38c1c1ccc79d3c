package dev.roadie.hub.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
    void while_flushes_keep_coming_they_run_a_delay_apart_whatever_each_asked() throws Exception {
        try (AckTimer timer = new AckTimer(Duration.ofMillis(50))) {
            CountDownLatch firstRan = new CountDownLatch(1);
            long[] ranAt = new long[2];
            timer.schedule(() -> {
                ranAt[0] = System.nanoTime();
                firstRan.countDown();
            }, TimeUnit.MILLISECONDS.toNanos(1));
            assertThat(firstRan.await(5, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> timer.busyTicks() == 1); // its tick is over
            CountDownLatch secondRan = new CountDownLatch(1);

            timer.schedule(() -> {
                ranAt[1] = System.nanoTime();
                secondRan.countDown();
            }, TimeUnit.MILLISECONDS.toNanos(1));

            assertThat(secondRan.await(5, TimeUnit.SECONDS)).isTrue();
            // One wake-up per delay for every busy session together, not one per flush asked for.
            assertThat(ranAt[1] - ranAt[0]).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
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
