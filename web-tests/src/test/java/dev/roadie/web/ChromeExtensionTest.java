package dev.roadie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.roadie.cli.demo.DemoBot;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.hub.testing.FakeMusicService;
import dev.roadie.hub.testing.HubExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Chrome extension's node tests ({@code chrome-extension/test/*.test.mjs}): its unit
 * tests, and its browser tests, which load the built extension into Debian's headless Chromium
 * with puppeteer-core and drive it against this hub and the stand-in music bot
 * ({@link DemoBot}). The hub allows the extension's origin, as docs/EXTENSION.md tells a user
 * to set it (a second hub, as it comes, does not); its search providers ask a local fake Deezer, and it may resolve the test's
 * fixture pages on 127.0.0.1.
 */
class ChromeExtensionTest {
    private static final Logger log = LoggerFactory.getLogger(ChromeExtensionTest.class);
    private static final Path EXTENSION = Path.of("..", "chrome-extension");
    /** The ID the manifest's key gives the unpacked extension (docs/EXTENSION.md). */
    static final String EXTENSION_ORIGIN = "chrome-extension://jdklfacadelchepalhichgdjlmeeghmi";
    private static final String BOT = "demo";
    private static final String GUILD = "111";
    private static final long NODE_TIMEOUT_MINUTES = 6;

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    /** A hub left as it comes, which does not allow the extension: its words for that are tested. */
    @RegisterExtension
    final HubExtension plainHub = HubExtension.startedByEachTest();
    private final FakeMusicService music = new FakeMusicService().json("/deezer/search", "deezer-search.json");
    private RoadieClient botClient;
    private DemoBot bot;

    @BeforeEach
    void start() {
        hub.start(Map.of(
                "http.allowedOrigins", EXTENSION_ORIGIN,
                "search.enabled", "deezer,links",
                "search.deezer.baseUrl", music.url("/deezer"),
                "search.links.allowedAddresses", "127.0.0.1"));
        String token = hub.token(BOT, DemoBot.KIND, "announce:music-bot", "publish:player.*", "search");
        botClient = RoadieClient.create(Clients.base(token).hub("ws://127.0.0.1:" + hub.port() + "/ws")
                .clientName("extension-test-bot").build());
        bot = DemoBot.start(botClient, new DemoBot.Settings(BOT, List.of(GUILD)));
        plainHub.start();
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (botClient != null) {
            botClient.close();
        }
        music.close();
    }

    @Test
    void the_extension_passes_its_node_and_browser_tests_against_a_real_hub_and_bot() throws Exception {
        requireTools();
        installDevDependencies();
        List<String> files;
        try (Stream<Path> listing = Files.list(EXTENSION.resolve("test"))) {
            files = listing.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".test.mjs"))
                    .sorted().toList();
        }
        assertThat(files).as("node test files in %s", EXTENSION.toAbsolutePath()).contains("extension.test.mjs");
        Map<String, String> env = Map.of(
                "ROADIE_HUB_URL", "http://127.0.0.1:" + hub.port(),
                "ROADIE_TOKEN", hub.adminToken(),
                "ROADIE_BOT", BOT,
                "ROADIE_GUILD", GUILD,
                "ROADIE_PLAIN_HUB_URL", "http://127.0.0.1:" + plainHub.port(),
                "CHROMIUM", Browser.CHROMIUM.toString());

        Map<String, Integer> total = new HashMap<>();
        for (String file : files) {
            Run run = run(List.of("node", "--test", "--test-reporter=tap", "test/" + file), env, NODE_TIMEOUT_MINUTES);
            Map<String, Integer> summary = summary(run.output());
            assertThat(run.exitCode()).as("node --test %s exit code; its output is in the log above", file).isZero();
            summary.forEach((key, count) -> total.merge(key, count, Integer::sum));
        }
        log.info("Node tests of the Chrome extension: {}", total);
        assertThat(total.get("fail")).as("failing node tests").isZero();
        assertThat(total.get("skipped")).as("skipped node tests").isZero();
        assertThat(total.get("tests")).as("node tests that ran").isEqualTo(total.get("pass")).isGreaterThan(5);
        assertThat(EXTENSION.resolve("target/screenshots/popup-match.png")).exists();
    }

    private static void requireTools() throws InterruptedException {
        if (!Files.isExecutable(Browser.CHROMIUM)) {
            fail("the extension's tests need " + Browser.CHROMIUM + ": install the Debian package chromium");
        }
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

    /** npm ci when node_modules is missing or older than the lock file: puppeteer-core, ws and linkedom. */
    private static void installDevDependencies() throws IOException, InterruptedException {
        Path installed = EXTENSION.resolve("node_modules/.package-lock.json");
        if (Files.exists(installed) && Files.exists(EXTENSION.resolve("node_modules/puppeteer-core/package.json"))
                && Files.getLastModifiedTime(installed)
                        .compareTo(Files.getLastModifiedTime(EXTENSION.resolve("package-lock.json"))) >= 0) {
            return;
        }
        Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 5);
        assertThat(install.exitCode()).as("npm ci in %s; its output is in the log above", EXTENSION.toAbsolutePath())
                .isZero();
    }

    record Run(int exitCode, List<String> output) {
    }

    /** Runs a command in the extension's folder, logging its output line by line as it comes. */
    private static Run run(List<String> command, Map<String, String> env, long timeoutMinutes)
            throws IOException, InterruptedException {
        log.info("Running {} in {}", String.join(" ", command), EXTENSION.toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(command).directory(EXTENSION.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().name("extension-test-output").daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.info("[node] {}", line);
                    output.add(line);
                }
            } catch (IOException e) {
                log.warn("Lost the output of {}", command, e);
            }
        });
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeoutMinutes + " minutes");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return new Run(process.exitValue(), List.copyOf(output));
    }

    private static final Pattern TAP_COUNT = Pattern.compile("^# (tests|pass|fail|cancelled|skipped|todo) (\\d+)$");

    /** The counts node's TAP reporter prints at the end ({@code # pass 7}). */
    private static Map<String, Integer> summary(List<String> output) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : output) {
            Matcher matcher = TAP_COUNT.matcher(line.strip());
            if (matcher.matches()) {
                counts.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
        }
        return counts;
    }
}
