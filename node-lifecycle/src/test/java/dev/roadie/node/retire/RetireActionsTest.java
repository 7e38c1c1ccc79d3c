package dev.roadie.node.retire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.node.testing.FakeDigitalOcean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    void the_command_gets_the_nodes_facts_and_nothing_of_the_agents_settings() throws Exception {
        Path written = dir.resolve("retire.env");
        Map<String, String> agent = Map.of(
                "PATH", System.getenv("PATH"),
                "LC_ALL", "C.UTF-8",
                "ROADIE_AGENT_NODE_PASSWORD", "youshallnotpass",
                "ROADIE_AGENT_HUB_TOKEN", "rd_abcdefghijkl_secret",
                "ROADIE_AGENT_RETIRE_DIGITALOCEAN_TOKEN", "dop_v1_secret",
                "LAVALINK_PASSWORD", "youshallnotpass");

        new RetireCommand(envDump(written), Duration.ofSeconds(30), agent).run(NODE, false);

        assertThat(Files.readAllLines(written)).contains("ROADIE_NODE_NAME=ams-1", "ROADIE_NODE_HOST=ams-1.example.org",
                        "ROADIE_NODE_REASON=IP block exhausted: test", "ROADIE_DROPLET_ID=3164444",
                        "PATH=" + System.getenv("PATH"), "LC_ALL=C.UTF-8")
                .noneMatch(line -> line.startsWith("ROADIE_AGENT_") || line.startsWith("LAVALINK_")
                        || line.contains("youshallnotpass") || line.contains("secret"));
    }

    @Test
    void of_the_agents_own_environment_the_command_gets_only_what_is_documented() throws Exception {
        Path written = dir.resolve("retire.env");

        new RetireCommand(envDump(written), Duration.ofSeconds(30)).run(NODE, false);

        assertThat(Files.readAllLines(written)).extracting(line -> line.contains("=") ? line.substring(0, line.indexOf('=')) : line)
                .isNotEmpty()
                .allMatch(name -> RetireCommand.PASSED_ON.contains(name) || name.startsWith("LC_")
                        || name.startsWith("ROADIE_NODE_") || name.equals("ROADIE_DROPLET_ID")
                        // set by the shell that runs the script, not passed by the agent
                        || name.equals("PWD") || name.equals("SHLVL") || name.equals("_") || name.equals("OLDPWD"),
                        "documented in NODE-AGENT.md");
    }

    /** A script that writes its environment, one NAME=value a line, to {@code file}. */
    private List<String> envDump(Path file) throws Exception {
        Path script = Files.writeString(dir.resolve("env.sh"), "#!/bin/sh\nenv > \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return List.of(script.toString(), file.toString());
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
