package dev.roadie.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.model.wire.FrameCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code roadie listen} as a script uses it: a process printing one JSON line per message, which
 * keeps printing after the hub crashed and came back.
 */
class ListenIT {
    @TempDir
    Path dir;

    @Test
    void roadie_listen_prints_each_message_as_a_json_line_across_a_hub_crash() throws Exception {
        try (HubProcess hub = HubProcess.start(dir.resolve("data"), "127.0.0.1", Map.of())) {
            String listenToken = hub.token("carol", "desktop");
            String sendToken = hub.token("alice", "desktop", "publish:player.*");
            Process listen = roadie(listenToken, hub, "listen", "--topic", "player.1");
            List<JsonNode> lines = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofPlatform().name("listen-output").start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(listen.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(FrameCodec.DEFAULT.mapper().readTree(line));
                    }
                } catch (java.io.IOException e) {
                    // The process ended: the assertions below say whether that was too early.
                }
            });
            try {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    send(sendToken, hub, 1);
                    assertThat(lines).isNotEmpty();
                });

                hub.kill();
                hub.start();

                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    send(sendToken, hub, 2);
                    assertThat(lines).anyMatch(line -> line.get("body").get("n").asInt() == 2);
                });
                assertThat(listen.isAlive()).isTrue();
                JsonNode first = lines.getFirst();
                assertThat(first.get("from").asString()).isEqualTo("desktop/alice");
                assertThat(first.get("to").asString()).isEqualTo("topic:player.1");
                assertThat(first.get("subject").asString()).isEqualTo("player.event");
            } finally {
                listen.destroy();
                listen.waitFor(20, TimeUnit.SECONDS);
                reader.join(5000);
            }
        }
    }

    /** {@code roadie listen | head -1}: once the reader is gone, listening on would print into nothing. */
    @Test
    void roadie_listen_ends_when_whoever_reads_its_output_goes_away() throws Exception {
        try (HubProcess hub = HubProcess.start(dir.resolve("data"), "127.0.0.1", Map.of())) {
            String listenToken = hub.token("carol", "desktop");
            String sendToken = hub.token("alice", "desktop", "publish:player.*");
            Process listen = roadie(listenToken, hub, "listen", "--topic", "player.1");
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(listen.getInputStream(),
                        StandardCharsets.UTF_8));
                List<String> first = new CopyOnWriteArrayList<>();
                Thread reader = Thread.ofPlatform().name("listen-first-line").start(() -> {
                    try {
                        first.add(out.readLine());
                    } catch (java.io.IOException e) {
                        first.add("unreadable: " + e);
                    }
                });
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    send(sendToken, hub, 1);
                    assertThat(first).isNotEmpty();
                });
                reader.join(5000);
                assertThat(first.getFirst()).contains("\"n\":1");

                out.close();

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    send(sendToken, hub, 2);
                    assertThat(listen.isAlive()).as("listen still running").isFalse();
                });
                assertThat(listen.exitValue()).isZero();
            } finally {
                listen.destroyForcibly();
                listen.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private void send(String token, HubProcess hub, int n) throws Exception {
        Process send = roadie(token, hub, "send", "--to", "topic:player.1", "--subject", "player.event",
                "{\"n\":" + n + "}");
        assertThat(send.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(send.exitValue()).isZero();
    }

    private Process roadie(String token, HubProcess hub, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED", "-jar",
                Path.of("target", "roadie.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("roadie-" + args[0] + ".err").toFile()));
        builder.environment().put("ROADIE_TOKEN", token);
        builder.environment().put("ROADIE_HUB", hub.uri().toString());
        return builder.start();
    }
}
