package dev.roadie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.hub.certs.Pem;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.TestCertificates;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.web.FixtureMusicServer.Song;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.node.ObjectNode;

/**
 * The page as a dashboard, in a real headless Chromium against a real hub: the overview's cards
 * and load lines, sortable and filterable tables, compact search results, the registry kept live
 * from the socket alone, and screenshots of each view at a desktop's and a phone's width in light
 * and dark (under web-tests/target/screenshots/).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    @TempDir
    static Path data;
    FixtureMusicServer music;
    TestHub hub;
    TestMusicBot bot;
    final Clients clients = new Clients();
    Browser browser;

    @BeforeAll
    void start() {
        List<Song> many = IntStream.rangeClosed(1, 12).mapToObj(i -> new Song("Harbour Song " + i, "Harbour Lights",
                "Low Tide", 150 + i, "https://www.deezer.com/track/" + (9100 + i))).toList();
        music = new FixtureMusicServer().answer("deezer", many).answer("itunes", List.of(new Song("Lighthouse Keeper",
                "The Quays", "Breakwater", 240, "https://music.apple.com/us/album/breakwater/1?i=2")));
        hub = TestHub.start(data, Map.of(
                "search.enabled", "deezer,itunes",
                "search.deezer.baseUrl", music.url("/deezer"),
                "search.itunes.baseUrl", music.url("/itunes"),
                "search.cacheSize", "0",
                "sessions.resumeWindow", "30s",
                // Stats reach the page a few times a second, so that a load line grows quickly.
                "registry.publishInterval", "200ms",
                "certs.masterKeyFile", data.resolve("keys/master.key").toString()));
        bot = TestMusicBot.start(hub, "eu-1");
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        Closing.all(browser, bot, clients, hub, music);
    }

    @Test
    void a_registry_change_pushed_by_the_hub_appears_without_asking_the_rest_api_and_a_hidden_view_catches_up_when_shown() {
        signIn("/#services");
        browser.awaitText("#services-rows", "eu-1");

        RoadieClient agent = node("ams-3", 0.25);
        browser.awaitText("#services-rows tr[data-service='audio-node/ams-3']", "4 players");
        // The page used to ask /api/services every 5 s while this view was open; now the socket is enough.
        await("no call to /api/services for 6 s").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8))
                .until(() -> restCalls("/api/services") == 0);
        agent.updateStats(new ServiceId("audio-node", "ams-3"), stats(7, 0.5))
                .orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        browser.awaitText("#services-rows tr[data-service='audio-node/ams-3']", "7 players");

        // Hidden, the services view does not render; the store has the news (the bot list shows it).
        browser.find("nav a[data-view='search']").click();
        try (TestMusicBot late = TestMusicBot.start(hub, "eu-9")) {
            browser.awaitText("#target-bot", "eu-9");
            assertThat(browser.find("#services-rows").getAttribute("textContent")).doesNotContain("eu-9");
            browser.find("nav a[data-view='services']").click();
            browser.awaitText("#services-rows", "eu-9");
        }
        assertThat(restCalls("/api/services")).isZero();
    }

    @Test
    void the_overview_counts_services_players_messages_and_expiring_certificates_and_draws_each_nodes_load() {
        signIn("/#overview");
        RoadieClient agent = node("lis-7", 0.2);
        ServiceId lis = new ServiceId("audio-node", "lis-7");
        // Each new reading reaches the page as a registry.stats update and extends the node's line.
        double[] cpu = {0.2};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            cpu[0] = cpu[0] >= 0.8 ? 0.1 : cpu[0] + 0.15;
            agent.updateStats(lis, stats(4, cpu[0])).orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
            return pointsOf("audio-node/lis-7") >= 5;
        });
        // One script: the list is drawn again with every update, so an element found earlier may be gone.
        @SuppressWarnings("unchecked")
        List<String> load = (List<String>) browser.script("""
                const item = document.querySelector(`#overview-nodes li[data-service="audio-node/lis-7"]`);
                return [item.innerText, item.querySelector('svg.sparkline').getAttribute('aria-label')];
                """);
        assertThat(load.get(0)).contains("lis-7", "up", "CPU", "4 players");
        assertThat(load.get(1)).startsWith("audio-node/lis-7: CPU");

        assertThat(number("up")).isGreaterThanOrEqualTo(2);
        assertThat(number("players")).isGreaterThanOrEqualTo(4);
        // Messages per second need two readings of /metrics, a few seconds apart.
        browser.await("a message rate", d -> browser.find("#stat-rate .value").getText().matches("[0-9.]+"));

        // Other scenarios of this class may have imported certificates already: count on from there.
        browser.await("the certificates counted", d -> browser.find("#stat-certificates .value").getText().matches("\\d+"));
        long expiring = number("certificates");
        importCertificate("soon.example.org", Duration.ofDays(20));
        browser.await("one more certificate expiring", d -> number("certificates") == expiring + 1);
        assertThat(browser.find("#stat-certificates .detail").getText()).matches("within 30 days, of \\d+ managed");
        browser.screenshot("overview");
    }

    @Test
    void tables_sort_by_a_clicked_header_and_filter_by_typed_text() {
        node("zrh-1", 0.1);
        node("ber-2", 0.1);
        signIn("/#services");
        browser.awaitText("#services-rows", "zrh-1");
        browser.awaitText("#services-rows", "ber-2");

        WebElement name = browser.find("#services-table th[data-sort='name']");
        name.findElement(By.tagName("button")).click();
        assertThat(name.getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(browser.find("#services-table th[data-sort='kind']").getAttribute("aria-sort")).isNull();
        List<String> ascending = names("#services-rows");
        assertThat(ascending).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        name.findElement(By.tagName("button")).click();
        assertThat(name.getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(names("#services-rows")).containsExactlyElementsOf(ascending.reversed());

        browser.find("#services-filter").sendKeys("ZRH");
        browser.await("only zrh-1", d -> names("#services-rows").equals(List.of("zrh-1")));
        assertThat(browser.find("#services-message").getText()).matches("1 of \\d+ services shown\\.");
        browser.find("#services-filter").clear();
        browser.find("#services-filter").sendKeys(Keys.BACK_SPACE);

        hub.token("aa-first", "web", "search");
        browser.find("nav a[data-view='tokens']").click();
        browser.awaitText("#tokens-rows", "aa-first");
        WebElement created = browser.find("#tokens-table th[data-sort='created']");
        created.findElement(By.tagName("button")).click();
        created.findElement(By.tagName("button")).click();
        assertThat(created.getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(names("#tokens-rows").getFirst()).isEqualTo("aa-first");
        browser.find("#tokens-filter").sendKeys("aa-f");
        browser.await("only aa-first", d -> names("#tokens-rows").equals(List.of("aa-first")));
        // The form to make a token sits under the list; New token leads to it.
        browser.find("#token-new").click();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("token-name");

        importCertificate("b.example.org", Duration.ofDays(60));
        importCertificate("a.example.org", Duration.ofDays(90));
        browser.find("nav a[data-view='certificates']").click();
        browser.awaitText("#certificates-rows", "a.example.org");
        // First by expiry, soonest first; then by name when its header is clicked.
        assertThat(names("#certificates-rows")).containsSubsequence("b.example.org", "a.example.org");
        browser.find("#certificates-table th[data-sort='name'] button").click();
        assertThat(names("#certificates-rows")).containsSubsequence("a.example.org", "b.example.org");
        browser.find("#certificates-filter").sendKeys("b.ex");
        browser.await("only b.example.org", d -> names("#certificates-rows").equals(List.of("b.example.org")));
    }

    @Test
    void search_results_are_compact_with_an_icon_for_missing_artwork_and_six_fit_a_1280_by_800_screen() {
        browser.screen(1280, 800);
        try {
            signIn("/#search");
            search("harbour");
            // The fixture's pictures are on http://127.0.0.1, which the page's policy does not
            // allow: each result shows the placeholder icon instead of a broken picture.
            browser.await("placeholders for the blocked artwork", d -> browser.findAll("#search-results img.art").isEmpty());
            assertThat(browser.findAll("#search-results .art.placeholder svg.icon"))
                    .hasSameSizeAs(browser.findAll("#search-results li.result")).hasSizeGreaterThanOrEqualTo(12);
            browser.script("window.scrollTo(0, 0)");
            long visible = (Long) browser.script("""
                    return [...document.querySelectorAll('#search-results li.result')]
                        .filter(li => li.getBoundingClientRect().bottom <= window.innerHeight).length;
                    """);
            assertThat(visible).as("results wholly visible at 1280x800").isGreaterThanOrEqualTo(6);
            browser.screenshot("search-compact");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void the_icons_come_from_the_hub_and_every_link_and_button_keeps_a_text_label() {
        Http.Response sprite = Http.to(hub).get("/icons/icons.svg", null);
        assertThat(sprite.status()).isEqualTo(200);
        assertThat(sprite.contentType()).startsWith("image/svg+xml");
        assertThat(sprite.body()).contains("<symbol id=\"server\"");
        assertThat(Http.to(hub).get("/icons/LICENSE", null).status()).isEqualTo(200);

        signIn("/#services");
        browser.awaitText("#services-rows", "eu-1");
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.script("""
                return [...document.querySelectorAll('nav a, button, .state')]
                    .filter(e => e.querySelector('svg.icon') !== null)
                    .filter(e => !(e.getAttribute('aria-label') || e.textContent.trim()))
                    .map(e => e.outerHTML.slice(0, 80));
                """);
        assertThat(unlabelled).isEmpty();
        assertThat(browser.findAll("nav a svg.icon use")).hasSize(7)
                .allSatisfy(use -> assertThat(use.getAttribute("href")).startsWith("/icons/icons.svg#"));
        assertThat(browser.console()).noneMatch(line -> line.contains("icons.svg"));
    }

    @Test
    void screenshots_of_overview_services_search_and_tokens_at_both_widths_in_light_and_dark() {
        RoadieClient agent = node("osl-4", 0.35);
        signIn("/#overview");
        ServiceId osl = new ServiceId("audio-node", "osl-4");
        double[] cpu = {0.35};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            cpu[0] = (cpu[0] + 0.17) % 0.9;
            agent.updateStats(osl, stats(9, cpu[0])).orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
            return pointsOf("audio-node/osl-4") >= 12;
        });
        List<String> problems = new ArrayList<>();
        try {
            for (String width : List.of("desktop", "phone")) {
                if (width.equals("phone")) {
                    browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
                } else {
                    browser.screen(1280, 800);
                }
                for (String scheme : List.of("light", "dark")) {
                    browser.colorScheme(scheme);
                    for (String view : List.of("overview", "services", "search", "tokens")) {
                        browser.find("nav a[data-view='" + view + "']").click();
                        awaitContent(view);
                        browser.script("window.scrollTo(0, 0)");
                        if (width.equals("phone")) {
                            browser.overflow(PHONE_WIDTH).forEach(p -> problems.add(view + " " + scheme + ": " + p));
                        }
                        browser.screenshot("dashboard-" + view + "-" + width + "-" + scheme);
                    }
                }
            }
        } finally {
            browser.colorScheme("light");
            browser.desktop();
        }
        assertThat(problems).as("what sticks out of a 390 px screen").isEmpty();
    }

    private void awaitContent(String view) {
        switch (view) {
            case "overview" -> {
                browser.awaitText("#overview-nodes", "osl-4");
                browser.await("a message rate", d -> browser.find("#stat-rate .value").getText().matches("[0-9.]+"));
            }
            case "services" -> browser.awaitText("#services-rows", "osl-4");
            case "tokens" -> browser.awaitText("#tokens-rows", "admin");
            case "search" -> {
                if (!browser.find("#search-results").getText().contains("Harbour Song")) {
                    search("harbour");
                }
            }
            default -> throw new IllegalArgumentException(view);
        }
    }

    private void search(String text) {
        browser.await("the deezer toggle", d -> !browser.findAll("#search-providers input[value='deezer']").isEmpty());
        WebElement box = browser.find("#search-box");
        box.clear();
        box.sendKeys(text, Keys.ENTER);
        browser.await("every provider to answer", d -> browser.find("#search-message").getText().contains("results for"));
    }

    /** An audio node announced by its agent, with stats; it stays until the class ends. */
    private RoadieClient node(String name, double cpu) {
        RoadieClient agent = clients.create(Clients.base(hub.token(name, "node-agent", "announce:audio-node"))
                .hub("ws://127.0.0.1:" + hub.port() + "/ws").clientName(name).build());
        agent.announce(new ServiceDescriptor("audio-node", name, "https://" + name + ".example.org:2333",
                List.of("source:youtube"), Map.of("region", "eu"), Map.of()))
                .orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        agent.updateStats(new ServiceId("audio-node", name), stats(4, cpu))
                .orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return agent;
    }

    private static NodeStats stats(int players, double cpu) {
        return new NodeStats(players, Math.max(0, players - 1), 60_000,
                new NodeStats.Memory(100L << 20, 300L << 20, 400L << 20, 1L << 30), new NodeStats.Cpu(4, cpu, cpu / 2),
                null);
    }

    private void importCertificate(String name, Duration validity) {
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        TestCertificates.Issued leaf = TestCertificates.leaf(ca, List.of(name), validity);
        ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode()
                .put("fullchainPem", Pem.certificates(List.of(leaf.certificate(), ca.certificate())))
                .put("privkeyPem", Pem.privateKey(leaf.keys().getPrivate()));
        assertThat(Http.to(hub).post("/api/certs/" + name + "/import", hub.adminToken(), body.toString()).status())
                .isEqualTo(201);
    }

    /** How many requests the page made to {@code path} since it was loaded (the browser's own record). */
    private long restCalls(String path) {
        return (Long) browser.script("""
                return performance.getEntriesByType('resource')
                    .filter(e => new URL(e.name).pathname === arguments[0]).length;
                """, path);
    }

    /** How many readings the node's load line has. */
    private long pointsOf(String service) {
        Object points = browser.script("""
                const line = document.querySelector(`#overview-nodes li[data-service="${arguments[0]}"] path.line`);
                return line ? (line.getAttribute('d').match(/[ML]/g) || []).length : 0;
                """, service);
        return (Long) points;
    }

    private long number(String card) {
        return Long.parseLong(browser.find("#stat-" + card + " .value").getText());
    }

    /** The names heading the rows of a table body, top to bottom. */
    private List<String> names(String body) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.script(
                "return [...document.querySelectorAll(arguments[0] + ' tr > th')].map(th => th.textContent.trim());", body);
        return found;
    }

    /** Signs in on a freshly loaded page (a new address that differs only in its #hash would not reload it). */
    private void signIn(String path) {
        browser.signIn(hub.baseUrl() + path, hub.adminToken());
    }
}
