package dev.roadie.audio.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.voice.testing.Wav;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's own runtime as {@code bin/package-audio-node} makes it from the jars of this build: a
 * jlink image with only the modules it uses, and a start-up cache the JVM accepts. Runs after
 * {@code mvn package} (failsafe), as {@code bin/test} does.
 */
class PackagedNodeIT {
    private static final Pattern LISTENING = Pattern.compile("Audio node listening on port (\\d+)");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path IMAGE = Path.of("target", "audio-node-image").toAbsolutePath();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_packaged_node_starts_from_its_cache_answers_info_with_its_password_and_loads_a_local_file() throws Exception {
        assertThat(Path.of("target", "roadie-audio-node.jar")).as("run after mvn package").exists();
        Path packageLog = dir.resolve("package.log");
        ProcessBuilder packaging = new ProcessBuilder(ROOT.resolve("bin/package-audio-node").toString(), "--no-build")
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(packageLog.toFile());
        // The JDK running the tests links the runtime, as the one running Maven in bin/test.
        packaging.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process packager = packaging.start();
        // jdeps, jlink and the training run take about 30 s of CPU; minutes on a busy machine.
        assertThat(packager.waitFor(8, TimeUnit.MINUTES)).as("packaging within 8 minutes").isTrue();
        assertThat(packager.exitValue()).as(Files.readString(packageLog)).isZero();

        assertThat(modules()).contains("java.base", "java.desktop", "java.net.http", "java.scripting", "jdk.management",
                "jdk.charsets").doesNotContain("java.se", "jdk.compiler", "jdk.jshell", "jdk.jlink", "java.smartcardio");
        // The start-up cache is JDK 25's; with an older JDK the runtime is made without one.
        boolean cached = Runtime.version().feature() >= 25;
        assertThat(Files.isRegularFile(IMAGE.resolve("app/roadie-audio-node.aot"))).isEqualTo(cached);

        Path wav = Files.write(dir.resolve("tone.wav"), Wav.tone(440, 2));
        Path log = dir.resolve("node.log");
        ProcessBuilder starting = new ProcessBuilder(IMAGE.resolve("bin/roadie-audio-node").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        starting.environment().keySet().removeIf(name -> name.startsWith("ROADIE_") || name.startsWith("LAVALINK_"));
        starting.environment().putAll(Map.of("ROADIE_AUDIO_PORT", "0", "ROADIE_AUDIO_PASSWORD", "packaged",
                "ROADIE_AUDIO_DATA", dir.resolve("data").toString()));
        if (cached) {
            // With AOTMode=on the JVM refuses to start when it cannot use the cache, instead of starting slowly.
            starting.environment().put("ROADIE_JAVA_OPTS", "-XX:AOTMode=on");
        }
        Process node = starting.start();
        try {
            int port = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> listeningPort(node, log), found -> found > 0);

            HttpResponse<String> info = get(port, "/v4/info", "packaged");
            assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
            JsonNode body = JsonMapper.builder().build().readTree(info.body());
            assertThat(body.get("version").get("major").asInt()).isEqualTo(4);
            assertThat(body.get("sourceManagers").toString()).contains("local", "http");
            assertThat(get(port, "/v4/info", "wrong").statusCode()).isEqualTo(401);

            HttpResponse<String> loaded = get(port, "/v4/loadtracks?identifier="
                    + URLEncoder.encode(wav.toString(), StandardCharsets.UTF_8), "packaged");
            JsonNode track = JsonMapper.builder().build().readTree(loaded.body());
            assertThat(track.get("loadType").asString()).as(loaded.body()).isEqualTo("track");
            assertThat(track.get("data").get("info").get("length").asLong()).isEqualTo(2000);
            assertThat(track.get("data").get("info").get("sourceName").asString()).isEqualTo("local");
        } finally {
            node.destroy();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    /** The port the node's first line names, 0 while it has not printed it; fails when the node stopped. */
    private static int listeningPort(Process node, Path log) throws IOException {
        String printed = Files.readString(log);
        Matcher matcher = LISTENING.matcher(printed);
        if (matcher.find()) {
            return Integer.parseInt(matcher.group(1));
        }
        assertThat(node.isAlive()).as("the node stopped: " + printed).isTrue();
        return 0;
    }

    private static List<String> modules() throws Exception {
        Process listing = new ProcessBuilder(IMAGE.resolve("runtime/bin/java").toString(), "--list-modules")
                .redirectErrorStream(true).start();
        String printed = new String(listing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(listing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // One "name@version" a line.
        return printed.lines().map(line -> line.replaceAll("@.*", "").strip()).toList();
    }

    private HttpResponse<String> get(int port, String path, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", password).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
