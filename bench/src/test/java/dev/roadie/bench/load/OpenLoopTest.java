package dev.roadie.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void it_sends_rate_times_duration_messages_each_due_at_its_place_in_the_schedule() {
        List<Long> intended = new ArrayList<>();
        long start = System.nanoTime();

        long sent = OpenLoop.run(1000, Duration.ofMillis(200), start, intended::add);

        assertThat(sent).isEqualTo(200);
        assertThat(intended).hasSize(200);
        for (int i = 0; i < intended.size(); i++) {
            assertThat(intended.get(i)).isEqualTo(start + i * 1_000_000L);
        }
    }

    @Test
    void a_sender_that_stalls_keeps_the_schedule_so_the_stall_shows_as_latency() {
        List<Long> intended = new ArrayList<>();
        List<Long> actual = new ArrayList<>();
        long start = System.nanoTime();

        OpenLoop.run(1000, Duration.ofMillis(100), start, due -> {
            intended.add(due);
            actual.add(System.nanoTime());
            if (intended.size() == 10) {
                // A send that blocks for 30 ms, as a full socket buffer does.
                LockSupport.parkNanos(30_000_000);
            }
        });

        assertThat(intended).hasSize(100);
        // The messages due during the stall keep their due times: they are late, not rescheduled.
        assertThat(intended.get(20)).isEqualTo(start + 20_000_000L);
        assertThat(actual.get(20) - intended.get(20)).isGreaterThan(10_000_000L);
    }

    @Test
    void the_sender_sleeps_between_due_times_instead_of_spinning_on_the_clock() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();

        // 40,000 a second: the next message is always due in under 50 microseconds.
        long sent = OpenLoop.run(40_000, Duration.ofMillis(500), wallBefore, due -> { });

        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        assertThat(sent).isEqualTo(20_000);
        // A spinning sender burns its whole wall time; a sleeping one a fraction of it.
        assertThat(cpu).isLessThan(wall * 3 / 4);
    }
}
