package dev.roadie.hub.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.certs.Pem;
import dev.roadie.hub.testing.FakeMusicService;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.TestCertificates;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every metric the docs (and the web page) name is one a real hub's {@code /metrics} serves: a
 * renamed counter must not leave dashboards and alerts written from the docs reading nothing.
 */
class DocumentedMetricsTest {
    private static final Pattern METRIC_NAME = Pattern.compile("\\broadie_[a-z0-9_]*[a-z0-9]");
    /** What the exposition appends to a registered name: counters get _total, histograms three series. */
    private static final List<String> SUFFIXES = List.of("", "_total", "_bucket", "_sum", "_count");

    @TempDir
    Path temp;
    final FakeMusicService music = new FakeMusicService();
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
        music.close();
    }

    @Test
    void every_metric_the_docs_and_the_web_page_name_is_served_by_the_hub() throws IOException {
        Set<String> named = new TreeSet<>();
        Path root = repository();
        for (Path doc : List.of(root.resolve("docs/PROTOCOL.md"), root.resolve("docs/HUB.md"))) {
            named.addAll(names(Files.readString(doc)));
        }
        try (Stream<Path> scripts = Files.walk(root.resolve("hub-lite/src/main/resources/dev/roadie/hub/web"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                named.addAll(names(Files.readString(script)));
            }
        }
        assertThat(named).as("metric names found in the docs").hasSizeGreaterThan(15);

        Set<String> served = servedNames(busyHub());

        assertThat(named.stream().filter(name -> SUFFIXES.stream().noneMatch(s -> served.contains(name + s))))
                .as("metric names in the docs or the web page that the hub's /metrics does not serve (it serves %s)",
                        served)
                .isEmpty();
    }

    /**
     * A hub that has done one of everything its metrics count, since a series with labels is only
     * written once it has counted something.
     */
    private String busyHub() {
        music.json("/deezer/search", "deezer-search.json");
        music.answer("/itunes/search", new FakeMusicService.Answer(500, "text/plain", "oops"));
        hub = TestHub.start(temp.resolve("data"), Map.of(
                "search.enabled", "deezer,itunes",
                "search.deezer.baseUrl", music.url("/deezer"),
                "search.itunes.baseUrl", music.url("/itunes"),
                "certs.masterKeyFile", temp.resolve("keys/master.key").toString(),
                // An ACME server that is not there: the issuance fails at once, which is counted too.
                "certs.dnsProvider", "exec",
                "certs.exec.command", "/bin/true",
                "certs.directory", "https://127.0.0.1:1/directory"));
        Http http = Http.to(hub);
        String admin = hub.adminToken();

        // Messages, requests and gathers, delivered and not; the bot's replies are frames received.
        hub.client("eu-1", "music-bot").respondWith(request -> Reply.ok(request.id(), null));
        String desktop = hub.token("alice", "desktop", "send:music-bot", "send:audio-node", "search");
        ok(http.post("/api/send", desktop, "{\"to\":\"service:music-bot/eu-1\",\"subject\":\"player.note\"}"));
        ok(http.post("/api/send", desktop, "{\"to\":\"kind:audio-node\",\"subject\":\"player.note\"}"));
        ok(http.post("/api/request", desktop, "{\"to\":\"one:music-bot\",\"subject\":\"x\"}"));
        ok(http.post("/api/gather", desktop, "{\"to\":\"kind:music-bot\",\"subject\":\"x\",\"timeoutMs\":5000}"));

        // A hello refused: an error frame and a closed connection.
        try (WireClient stranger = hub.track(WireClient.connect(hub.port()))) {
            stranger.sendFrame(new Hello("not-a-token", null, null, null, 1, "wire-client"));
            stranger.awaitClose();
        }

        // Search: calls, a failure and, asked again, a cache hit.
        ok(http.get("/api/search?q=boats&providers=deezer,itunes", desktop));
        ok(http.get("/api/search?q=boats&providers=deezer", desktop));

        // Certificates: one imported (its expiry), one declared whose issuance fails.
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        TestCertificates.Issued leaf = TestCertificates.leaf(ca, List.of("imported.example.org"), Duration.ofDays(30));
        ObjectNode pem = FrameCodec.DEFAULT.mapper().createObjectNode();
        pem.put("fullchainPem", Pem.certificates(List.of(leaf.certificate(), ca.certificate())));
        pem.put("privkeyPem", Pem.privateKey(leaf.keys().getPrivate()));
        ok(http.post("/api/certs/imported/import", admin, pem.toString()));
        ok(http.post("/api/certs", admin, "{\"name\":\"declared\",\"domains\":[\"declared.example.org\"]}"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/metrics", admin).body().contains("roadie_certificate_issuances_total"));

        return http.get("/metrics", admin).body();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    /** The names of the series in Prometheus text, from its sample lines. */
    private static Set<String> servedNames(String metrics) {
        Set<String> served = new TreeSet<>();
        for (String line : metrics.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                served.add(line.split("[{ ]", 2)[0]);
            }
        }
        return served;
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC_NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** Tests run in the module folder; walking up also works from the repository root or an IDE. */
    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/PROTOCOL.md")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        return fail("no repository root (with docs/PROTOCOL.md) in " + Path.of("").toAbsolutePath() + " or above");
    }
}
