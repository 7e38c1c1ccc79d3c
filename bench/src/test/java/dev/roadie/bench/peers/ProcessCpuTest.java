package dev.roadie.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void the_times_are_read_after_a_command_name_with_spaces_and_parentheses() {
        String stat = "4242 (node (x) y) S 1 4242 4242 0 -1 4194560 1234 0 0 0 150 25 7 3 20 0 11 0 5000 0 0";

        assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(150 + 25 + 7 + 3);
    }

    @Test
    void the_cpu_a_child_process_burns_counts_as_its_parents() throws Exception {
        // The shell itself only waits; its child, a subshell, spins.
        Process shell = new ProcessBuilder("bash", "-c", "while :; do :; done & wait").start();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> assertThat(ProcessCpu.of(shell.pid())).isGreaterThanOrEqualTo(Duration.ofMillis(300)));
            assertThat(Duration.ofNanos(ProcessCpu.ticks(shell.pid()) * 1_000_000_000L / ProcessCpu.ticksPerSecond()))
                    .as("the shell's own time").isLessThan(Duration.ofMillis(100));
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    @Test
    void the_clock_ticks_come_from_getconf() {
        assertThat(ProcessCpu.ticksPerSecond()).isPositive();
    }
}
