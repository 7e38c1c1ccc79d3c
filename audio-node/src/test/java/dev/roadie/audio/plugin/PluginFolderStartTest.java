package dev.roadie.audio.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.audio.AudioNodeMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code roadie audio-node} as started for real: the plugins folder in its data folder, a broken jar logged and skipped. */
class PluginFolderStartTest {
    private static final Pattern LISTENING = Pattern.compile("Audio node listening on port (\\d+).*");

    @TempDir
    Path folder;

    @Test
    void the_node_loads_the_data_folders_plugins_logs_a_broken_one_in_words_and_starts_without_it() throws Exception {
        Path plugins = folder.resolve("data").resolve("plugins");
        PluginJars.toneSource(plugins);
        Files.writeString(plugins.resolve("half-downloaded.jar"), "PK");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AudioNodeMain.class.getName())
                .redirectErrorStream(true).directory(folder.toFile());
        builder.environment().put("ROADIE_AUDIO_DATA", folder.resolve("data").toString());
        builder.environment().put("ROADIE_AUDIO_PORT", "0");
        builder.environment().put("ROADIE_AUDIO_PASSWORD", "p");
        Process node = builder.start();
        try {
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().name("node-output").start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                    out.lines().forEach(lines::add);
                } catch (java.io.IOException e) {
                    lines.add("reading the output failed: " + e);
                }
            });
            List<String> seen = new ArrayList<>();
            Matcher listening = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (listening == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    seen.add(line);
                    Matcher matcher = LISTENING.matcher(line);
                    listening = matcher.matches() ? matcher : null;
                }
            }
            assertThat(listening).as(String.join("\n", seen)).isNotNull();
            assertThat(seen).as("the log").anyMatch(line -> line.contains("Skipping plugin half-downloaded: a file of it "
                    + "cannot be read as a jar (zip END header not found): replace it with the jar as downloaded"));
            assertThat(seen).anyMatch(line -> line.contains("Loaded source manager 'testsrc'"));

            HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + listening.group(1) + "/v4/info")).header("Authorization", "p").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(info.body()).contains("\"testsrc\"").contains("{\"name\":\"testsrc\",\"version\":\"1.0.0\"}");
        } finally {
            node.destroy();
            assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
