package dev.roadie.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.agent.testing.FakeLavalink;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent as users run it: {@code java -jar target/roadie-agent.jar run --config FILE}
 * in a process of its own, settings from the file and the environment, until it retires the
 * node and exits 0.
 */
class AgentProcessIT {
    private static final ServiceId AMS = new ServiceId("audio-node", "ams-1");

    @TempDir
    Path dir;

    @Test
    void the_packaged_agent_announces_retires_the_exhausted_node_runs_the_command_and_exits_0() throws Exception {
        Path jar = Path.of("target", "roadie-agent.jar").toAbsolutePath();
        assertThat(jar).as("run after mvn package").exists();
        try (LiveHub hub = LiveHub.start(dir.resolve("hub"));
                Clients clients = new Clients();
                FakeLavalink node = FakeLavalink.start("youshallnotpass")
                        .planner(FakeLavalink.Planner.ROTATING_IP, "16").players(0)) {
            RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", "registry", "secrets:audio-node");
            NodeDirectory directory = bot.nodeDirectory();
            directory.ready().get(15, TimeUnit.SECONDS);

            Path script = Files.writeString(dir.resolve("retire.sh"), "#!/bin/sh\nenv > \"$1\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            Path written = dir.resolve("retire.env");
            Path config = Files.writeString(dir.resolve("agent.yml"), """
                    node:
                      name: ams-1
                      url: %s
                    public:
                      host: ams-1.example.org
                    hub:
                      uris: [%s]
                    poll:
                      interval: 100ms
                    health:
                      readings: 2
                    retire:
                      command: [%s, %s]
                    """.formatted(node.uri(), hub.uri(), script, written));
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "run", "--config",
                    config.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("agent.log").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("ROADIE_AGENT_"));
            builder.environment().putAll(Map.of(
                    "ROADIE_AGENT_NODE_PASSWORD", "youshallnotpass",
                    "ROADIE_AGENT_HUB_TOKEN", hub.token("ams-1", "node-agent", "announce:audio-node")));
            Process agent = builder.start();
            try {
                await().atMost(Clients.WAIT).until(() -> directory.node(AMS).isPresent());
                assertThat(directory.node(AMS).orElseThrow().service().secrets()).containsEntry("password",
                        "youshallnotpass");

                node.failing(15, System.currentTimeMillis() - Duration.ofHours(1).toMillis());
                assertThat(agent.waitFor(30, TimeUnit.SECONDS)).as(log()).isTrue();
                assertThat(agent.exitValue()).as(log()).isZero();
                await().atMost(Clients.WAIT).until(() -> directory.node(AMS).orElseThrow().state() == ServiceState.RETIRED);
                List<String> env = Files.readAllLines(written);
                assertThat(env).contains("ROADIE_NODE_NAME=ams-1", "ROADIE_NODE_HOST=ams-1.example.org",
                        "ROADIE_NODE_REASON=IP block exhausted: 15 of 16 addresses failing");
                // The agent's settings, the password and the hub token among them, stay with the agent.
                assertThat(env).noneMatch(line -> line.startsWith("ROADIE_AGENT_") || line.contains("youshallnotpass")
                        || line.contains("rd_"));
            } finally {
                agent.destroyForcibly();
            }
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("agent.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
