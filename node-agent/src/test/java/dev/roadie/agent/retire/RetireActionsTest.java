package dev.roadie.agent.retire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.agent.config.DigitalOceanSettings;
import dev.roadie.agent.testing.FakeDigitalOcean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetireActionsTest {
    private static final RetiredNode NODE = new RetiredNode("ams-1", "ams-1.example.org", 2333, false,
            "http://ams-1.example.org:2333", "eu", "IP block exhausted: test", "3164444");

    @TempDir
    Path dir;
    private final FakeDigitalOcean digitalOcean = FakeDigitalOcean.start("dop_v1_right");
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("retire-actions-test").factory());

    @AfterEach
    void close() {
        digitalOcean.close();
        executor.shutdownNow();
    }

    private DigitalOceanDroplets droplets(String token, DigitalOceanSettings.Replacement replacement) {
        return new DigitalOceanDroplets(new DigitalOceanSettings(digitalOcean.uri(), token, "3164444", replacement),
                executor);
    }

    @Test
    void without_a_replacement_only_the_droplet_is_deleted() throws Exception {
        try (DigitalOceanDroplets droplets = droplets("dop_v1_right", null)) {
            droplets.run(NODE, false);
        }
        assertThat(digitalOcean.calls()).extracting(FakeDigitalOcean.Call::method, FakeDigitalOcean.Call::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DELETE", "/v2/droplets/3164444"));
    }

    @Test
    void a_refused_token_stops_before_the_delete_and_says_what_digitalocean_answered() {
        DigitalOceanSettings.Replacement replacement = new DigitalOceanSettings.Replacement("ubuntu-24-04-x64", "ams-2",
                "ams3", "s-1vcpu-1gb", List.of());
        try (DigitalOceanDroplets droplets = droplets("dop_v1_wrong", replacement)) {
            assertThatThrownBy(() -> droplets.run(NODE, false)).isInstanceOf(RetireActionException.class)
                    .hasMessageContaining("HTTP 401 to POST /v2/droplets").hasMessageContaining("Unable to authenticate");
        }
        assertThat(digitalOcean.calls()).hasSize(1);
        assertThat(digitalOcean.calls().getFirst().body()).contains("\"image\":\"ubuntu-24-04-x64\"");
    }

    @Test
    void a_dry_run_calls_nothing() throws Exception {
        try (DigitalOceanDroplets droplets = droplets("dop_v1_right", null)) {
            droplets.run(NODE, true);
        }
        assertThat(digitalOcean.calls()).isEmpty();
    }

    @Test
    void a_command_that_fails_is_reported_with_its_exit_code() throws Exception {
        Path script = Files.writeString(dir.resolve("fail.sh"), "#!/bin/sh\necho giving up\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        RetireCommand command = new RetireCommand(List.of(script.toString()), Duration.ofSeconds(30));
        assertThatThrownBy(() -> command.run(NODE, false)).isInstanceOf(RetireActionException.class)
                .hasMessageEndingWith("exited with 3");
    }

    @Test
    void a_command_that_does_not_exist_is_reported() {
        RetireCommand command = new RetireCommand(List.of(dir.resolve("missing").toString()), Duration.ofSeconds(30));
        assertThatThrownBy(() -> command.run(NODE, false)).isInstanceOf(RetireActionException.class)
                .hasMessageContaining("cannot start the retire command");
    }

    @Test
    void a_command_that_runs_too_long_is_killed() throws Exception {
        Path script = Files.writeString(dir.resolve("hang.sh"), "#!/bin/sh\nexec sleep 60\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        RetireCommand command = new RetireCommand(List.of(script.toString()), Duration.ofMillis(300));
        assertThatThrownBy(() -> command.run(NODE, false)).isInstanceOf(RetireActionException.class)
                .hasMessageContaining("was killed");
    }
}
