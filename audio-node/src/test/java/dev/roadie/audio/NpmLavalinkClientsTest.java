package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.roadie.voice.testing.Wav;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm Lavalink clients {@code shoukaku} 4.3.0 and {@code lavalink-client} 2.11.0, run by Node
 * against the node on a real port: each script in {@code src/test/npm} connects, reads stats,
 * loads, plays, pauses, seeks, sets and clears filters, loses its socket and resumes the session,
 * and stops.
 */
class NpmLavalinkClientsTest {
    private static final String PASSWORD = "youshallnotpass";
    private static final Path NPM = Path.of("src/test/npm");
    private AudioNode node;

    @TempDir
    Path folder;

    @BeforeEach
    void start() {
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofMillis(500),
                Duration.ofMillis(500))).start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void shoukaku_connects_loads_plays_pauses_seeks_filters_resumes_and_stops() throws Exception {
        assertEveryStepPasses("shoukaku-run.mjs");
    }

    @Test
    void lavalink_client_connects_loads_plays_pauses_seeks_filters_resumes_and_stops() throws Exception {
        assertEveryStepPasses("lavalink-client-run.mjs");
    }

    private void assertEveryStepPasses(String script) throws Exception {
        requireNode();
        installUnlessCurrent();
        Path tone = folder.resolve("tone.wav");
        Files.write(tone, Wav.tone(440, 20));

        ProcessBuilder builder = new ProcessBuilder("node", script).directory(NPM.toFile())
                .redirectErrorStream(true);
        builder.environment().put("NODE_URL", "127.0.0.1:" + node.port());
        builder.environment().put("NODE_HOST", "127.0.0.1");
        builder.environment().put("NODE_PORT", Integer.toString(node.port()));
        builder.environment().put("NODE_AUTH", PASSWORD);
        builder.environment().put("TONE", tone.toString());
        Process run = builder.start();
        boolean ended = run.waitFor(2, TimeUnit.MINUTES);
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            run.destroyForcibly();
        }

        assertThat(ended).as(output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(line -> line.startsWith("PASS ")).toList()).as(output).containsExactly(
                "PASS connect", "PASS stats", "PASS load", "PASS play", "PASS pause", "PASS seek", "PASS filters",
                "PASS resume", "PASS stop");
    }

    /** Fails, saying what to install, when node or npm is missing. */
    private static void requireNode() throws InterruptedException {
        for (String program : List.of("node", "npm")) {
            try {
                Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    fail(program + " --version failed: install Debian packages nodejs and npm");
                }
            } catch (IOException e) {
                fail("'" + program + "' is not installed: install Debian packages nodejs and npm (" + e.getMessage() + ")");
            }
        }
    }

    /** {@code npm ci} unless node_modules holds both clients and is newer than the lock file. */
    private static void installUnlessCurrent() throws IOException, InterruptedException {
        Path installed = NPM.resolve("node_modules/.package-lock.json");
        boolean current = Files.exists(installed) && Files.exists(NPM.resolve("node_modules/shoukaku/package.json"))
                && Files.exists(NPM.resolve("node_modules/lavalink-client/package.json"))
                && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(
                        NPM.resolve("package-lock.json"))) >= 0;
        if (!current) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NPM.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(install.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
            assertThat(install.exitValue()).as("npm ci in %s: %s", NPM.toAbsolutePath(), output).isZero();
        }
    }
}
