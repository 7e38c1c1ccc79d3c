package dev.roadie.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventThreadTest {
    private final EventThread events = new EventThread("test");

    @AfterEach
    void stop() {
        events.executor().shutdownNow();
    }

    @Test
    void a_hand_over_with_nothing_pending_runs_at_once_on_the_calling_thread() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        events.executeAfterPending(() -> ranOn.set(Thread.currentThread()));

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void once_the_earlier_application_code_returned_hand_overs_run_at_once_again() throws Exception {
        CountDownLatch earlierDone = new CountDownLatch(1);
        events.execute(earlierDone::countDown);
        assertThat(earlierDone.await(5, TimeUnit.SECONDS)).isTrue();

        // The earlier task counts until it has returned, a moment after its last line.
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            CountDownLatch ran = new CountDownLatch(1);
            events.executeAfterPending(() -> {
                ranOn.set(Thread.currentThread());
                ran.countDown();
            });
            return ran.await(5, TimeUnit.SECONDS) && ranOn.get() == Thread.currentThread();
        });
    }

    @Test
    void a_hand_over_waits_for_the_application_code_handed_over_before_it() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        events.execute(() -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("message handler");
            both.countDown();
        });

        events.executeAfterPending(() -> {
            order.add("request hand-over on " + (events.isCurrent() ? "the event thread" : "another thread"));
            both.countDown();
        });
        assertThat(order).isEmpty();
        release.countDown();

        assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("message handler", "request hand-over on the event thread");
    }
}
