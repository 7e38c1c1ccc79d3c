package dev.roadie.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProtocolLoopTest {
    private final GuardedTimer timer = new GuardedTimer("loop-test");
    private final ProtocolLoop loop = new ProtocolLoop("loop-test", timer);

    @AfterEach
    void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void a_task_runs_on_the_callers_thread_when_nothing_else_runs() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        loop.execute(() -> ranOn.set(Thread.currentThread()));
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void a_task_submitted_from_a_task_runs_after_it() {
        List<String> order = new ArrayList<>();
        loop.execute(() -> {
            loop.execute(() -> order.add("inner"));
            order.add("outer");
        });
        assertThat(order).containsExactly("outer", "inner");
    }

    @Test
    void tasks_from_many_threads_run_one_at_a_time_and_in_the_order_each_thread_submitted() throws Exception {
        int threads = 4;
        int perThread = 5_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        // Plain lists, written only inside loop tasks: the loop's ordering is what makes this safe.
        List<List<Integer>> seen = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            seen.add(new ArrayList<>());
        }
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(threads * perThread);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int sender = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    int number = i;
                    loop.execute(() -> {
                        if (running.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        seen.get(sender).add(number);
                        running.decrementAndGet();
                        all.countDown();
                    });
                }
            }, "sender-" + t);
            senders.add(thread);
            thread.start();
        }
        start.countDown();
        assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        for (Thread thread : senders) {
            thread.join();
        }
        assertThat(overlaps.get()).isZero();
        CountDownLatch read = new CountDownLatch(1);
        List<List<Integer>> copy = new ArrayList<>();
        loop.execute(() -> {
            seen.forEach(list -> copy.add(List.copyOf(list)));
            read.countDown();
        });
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        for (List<Integer> numbers : copy) {
            assertThat(numbers).hasSize(perThread).isSorted();
        }
    }

    @Test
    void a_caller_runs_its_share_and_leaves_the_rest_to_the_timer() throws Exception {
        String caller = Thread.currentThread().getName();
        List<String> ranOn = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        int more = ProtocolLoop.INLINE_SHARE * 3;
        loop.execute(() -> {
            for (int i = 0; i < more; i++) {
                loop.execute(() -> ranOn.add(Thread.currentThread().getName()));
            }
            loop.execute(done::countDown);
        });
        // execute returned: the caller ran its share (the first task and some of what it added).
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn).hasSize(more);
        assertThat(ranOn.subList(0, ProtocolLoop.INLINE_SHARE - 1)).allMatch(caller::equals);
        assertThat(ranOn.subList(ProtocolLoop.INLINE_SHARE - 1, more)).allMatch(name -> name.endsWith("-timer"));
    }

    @Test
    void a_backlog_built_while_another_thread_holds_the_loop_runs_there() throws Exception {
        CountDownLatch queued = new CountDownLatch(1);
        List<String> ranOn = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        // The timer thread holds the loop while the backlog builds up...
        timer.execute(() -> loop.execute(() -> {
            holding.countDown();
            try {
                queued.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        int backlog = ProtocolLoop.TIMER_SHARE * 3;
        Thread filler = new Thread(() -> {
            for (int i = 0; i < backlog; i++) {
                loop.execute(() -> ranOn.add(Thread.currentThread().getName()));
            }
            loop.execute(done::countDown);
            queued.countDown();
        }, "filler");
        // ...from before the filler's first task, which would otherwise take the loop itself.
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        filler.start();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        // ...so the filler never ran any of it: it only queued, and never waited.
        assertThat(ranOn).hasSize(backlog).allMatch(name -> name.endsWith("-timer"));
    }

    @Test
    void a_timed_task_runs_in_the_loop_after_its_delay() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();
        loop.schedule(ran::countDown, 50, TimeUnit.MILLISECONDS);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void a_timed_task_cancelled_by_an_earlier_task_does_not_run_even_when_its_time_had_come() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch due = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<ProtocolLoop.Timeout> timeout = new AtomicReference<>();
        Thread holder = new Thread(() -> loop.execute(() -> {
            // Holding the loop: the timed task's time comes and it is queued behind this task.
            timeout.set(loop.schedule(ran::incrementAndGet, 1, TimeUnit.MILLISECONDS));
            timer.schedule(due::countDown, 20, TimeUnit.MILLISECONDS);
            try {
                due.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timeout.get().cancel();
        }), "holder");
        holder.start();
        holder.join(10_000);
        loop.execute(finished::countDown);
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch after = new CountDownLatch(1);
        timer.schedule(() -> loop.execute(after::countDown), 20, TimeUnit.MILLISECONDS);
        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.get()).isZero();
    }

    @Test
    void a_failing_task_does_not_stop_the_loop() {
        List<String> order = new ArrayList<>();
        loop.execute(() -> {
            throw new IllegalStateException("a bug");
        });
        loop.execute(() -> order.add("after"));
        assertThat(order).containsExactly("after");
    }

    @Test
    void a_closed_client_refuses_new_work() {
        timer.shutdown();
        assertThatThrownBy(() -> loop.execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("closed");
    }
}
