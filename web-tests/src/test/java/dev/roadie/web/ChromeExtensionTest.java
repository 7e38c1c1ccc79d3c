package dev.roadie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.roadie.cli.demo.DemoBot;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.hub.testing.FakeMusicService;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.NodeRuns.Run;
import dev.roadie.hub.testing.NodeRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        NodeRuns.installUnlessCurrent(EXTENSION, "puppeteer-core");
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
            Run run = NodeRuns.run(EXTENSION, List.of("node", "--test", "--test-reporter=tap", "test/" + file), env,
                    NODE_TIMEOUT_MINUTES);
            Map<String, Integer> summary = run.tapSummary();
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
        NodeRuns.requireNode();
    }
}
