package dev.roadie.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {
    @TempDir
    Path dir;

    @AfterEach
    void unpin() {
        ServerProcess.pinServers(null);
    }

    @Test
    void a_pinned_server_may_run_on_its_core_only() throws Exception {
        ServerProcess.pinServers("0");

        try (ServerProcess server = new ServerProcess("sleeper", List.of("sleep", "60"), dir, dir.resolve("sleeper.log"))
                .start(() -> true)) {
            Path proc = Path.of("/proc", Long.toString(server.pid()));
            // taskset sets the CPUs, then becomes the server (exec): same process, same pid.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertThat(Files.readString(proc.resolve("comm")).strip()).isEqualTo("sleep"));
            assertThat(Files.readString(proc.resolve("status"))).containsPattern("Cpus_allowed_list:\\s+0\\n");
        }
    }

    @Test
    void an_unpinned_server_is_started_as_it_is() {
        ServerProcess server = new ServerProcess("sleeper", List.of("sleep", "60"), dir, dir.resolve("sleeper.log"));

        assertThat(server.launchCommand()).containsExactly("sleep", "60");
    }
}
