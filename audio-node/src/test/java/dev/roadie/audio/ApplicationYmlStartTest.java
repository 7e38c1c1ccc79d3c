package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The node started from a Lavalink application.yml: what it sets, what the environment overrides, a bad value. */
class ApplicationYmlStartTest {
    @TempDir
    Path folder;

    @Test
    void the_file_sets_the_password_sources_filters_and_update_interval_and_the_environment_wins_for_the_port()
            throws Exception {
        Path yml = Files.writeString(folder.resolve("application.yml"), """
                server:
                  port: 2555
                  address: 127.0.0.1
                lavalink:
                  server:
                    password: "from-the-file"
                    playerUpdateInterval: 3
                    sources:
                      http: false
                      twitch: false
                    filters:
                      karaoke: false
                logging:
                  level:
                    root: INFO
                """);
        List<String> warnings = new ArrayList<>();

        AudioNodeConfig config = AudioNodeMain.config(Map.of("ROADIE_AUDIO_CONFIG", yml.toString(),
                "SERVER_PORT", "0", "ROADIE_AUDIO_DATA", folder.toString()), warnings::add);

        assertThat(config.port()).isZero();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.password()).isEqualTo("from-the-file");
        assertThat(config.playerUpdateInterval()).hasSeconds(3);
        assertThat(warnings).containsExactly(yml + ": logging.level.root does not apply here; it is ignored");
        try (AudioNode node = new AudioNode(config).start()) {
            HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.port() + "/v4/info")).header("Authorization", "from-the-file")
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JsonMapper.builder().build().readTree(info.body());
            assertThat(body.get("sourceManagers").toString()).doesNotContain("\"http\"").doesNotContain("twitch")
                    .contains("soundcloud").contains("local");
            assertThat(body.get("filters").toString()).doesNotContain("karaoke").contains("timescale");
        }
    }

    @Test
    void a_bad_value_stops_the_start_with_one_line_saying_which() throws Exception {
        Path yml = Files.writeString(folder.resolve("application.yml"), "lavalink:\n  server:\n    opusEncodingQuality: 11\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AudioNodeMain.class.getName())
                .redirectErrorStream(true).directory(folder.toFile());
        builder.environment().put("ROADIE_AUDIO_CONFIG", yml.toString());
        builder.environment().put("ROADIE_AUDIO_PASSWORD", "p");
        Process started = builder.start();
        boolean ended = started.waitFor(30, TimeUnit.SECONDS);
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as(output).isTrue();
        assertThat(started.exitValue()).isEqualTo(2);
        assertThat(output.strip()).isEqualTo(yml + ": lavalink.server.opusEncodingQuality must be a whole number "
                + "from 0 to 10, not '11'");
    }

    @Test
    void a_route_planner_strategy_its_blocks_cannot_serve_stops_the_start_with_one_line() throws Exception {
        Path yml = Files.writeString(folder.resolve("application.yml"),
                "lavalink.server.ratelimit:\n  ipBlocks: [\"10.0.0.0/29\"]\n  strategy: NanoSwitch\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AudioNodeMain.class.getName())
                .redirectErrorStream(true).directory(folder.toFile());
        builder.environment().put("ROADIE_AUDIO_CONFIG", yml.toString());
        builder.environment().put("ROADIE_AUDIO_PASSWORD", "p");
        Process started = builder.start();
        boolean ended = started.waitFor(30, TimeUnit.SECONDS);
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as(output).isTrue();
        assertThat(started.exitValue()).isEqualTo(2);
        assertThat(output.strip()).isEqualTo("The route planner strategy NanoSwitch cannot use the blocks [10.0.0.0/29]"
                + " (8 addresses): it needs an IPv6 block of a /64 or more; use RotateOnBan or LoadBalance for a"
                + " smaller block");
    }
}
