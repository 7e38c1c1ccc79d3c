package dev.roadie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.hub.certs.Pem;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.TestCertificates;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.web.FixtureMusicServer.Song;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web page in a real headless Chromium against a real hub, with Deezer and iTunes played by a
 * local fixture server, and a music bot and a node agent built on the SDK. Each scenario saves a
 * screenshot under web-tests/target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageTest {
    /** A common phone's width in CSS pixels (iPhone 12 to 15). */
    static final int PHONE_WIDTH = 390;
    static final String HOSTILE_TITLE = "<img src=x onerror=window.__pwned=1>";

    @TempDir
    static Path data;
    FixtureMusicServer music;
    TestHub hub;
    TestMusicBot bot;
    /** Other SDK clients a scenario starts (a node agent); they stay connected until the end, as the bot does. */
    final Clients clients = new Clients();
    Browser browser;

    static final List<Song> DEEZER_SONGS = List.of(
            new Song("Paper Boats", "Harbour Lights", "Low Tide", 202, "https://www.deezer.com/track/9001"),
            new Song(HOSTILE_TITLE, "Mallory", "Injected", 61, "https://www.deezer.com/track/666"),
            new Song("Driftwood", "Harbour Lights", "Low Tide", 187, "https://www.deezer.com/track/9002"));
    static final List<Song> ITUNES_SONGS = List.of(new Song("Lighthouse Keeper", "The Quays", "Breakwater", 240,
            "https://music.apple.com/us/album/breakwater/1?i=2"));

    @BeforeAll
    void start() {
        music = new FixtureMusicServer().answer("deezer", DEEZER_SONGS).answer("itunes", ITUNES_SONGS);
        hub = TestHub.start(data, Map.of(
                "search.enabled", "deezer,itunes,links",
                "search.links.youtubeOembed", music.url("/oembed/youtube"),
                // The fixture services live on loopback, which link resolution refuses unless allowed.
                "search.links.allowedAddresses", "127.0.0.1",
                "search.deezer.baseUrl", music.url("/deezer"),
                "search.itunes.baseUrl", music.url("/itunes"),
                "search.itunes.timeout", "20s",
                // Each search must reach the fixture server: the test holds and releases its answers.
                "search.cacheSize", "0",
                // A browser's session waits for its resume as a user's would (the test default is 300 ms).
                "sessions.resumeWindow", "30s",
                "certs.masterKeyFile", data.resolve("keys/master.key").toString()));
        bot = TestMusicBot.start(hub, "eu-1");
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        Closing.all(browser, bot, clients, hub, music);
    }

    @Test
    void a_wrong_token_is_refused_the_admin_token_signs_in_for_this_tab_and_signing_out_forgets_it() {
        browser.open(hub.baseUrl() + "/");
        signOutIfSignedIn();
        browser.find("#sign-in-token").sendKeys("rd_not-a-real-token", Keys.ENTER);
        browser.awaitText("#sign-in-error", "does not know this token");
        browser.screenshot("sign-in-refused");

        browser.find("#sign-in-token").clear();
        browser.find("#sign-in-token").sendKeys(hub.adminToken(), Keys.ENTER);

        browser.awaitText("#connection", "Connected");
        assertThat(browser.find("#app").isDisplayed()).isTrue();
        assertThat(browser.script("return sessionStorage.getItem('roadie.token')")).isEqualTo(hub.adminToken());
        assertThat(browser.script("return localStorage.getItem('roadie.token')")).isNull();
        browser.screenshot("signed-in");

        browser.find("#sign-out").click();
        browser.await("the sign-in form after signing out", d -> browser.find("#sign-in").isDisplayed());
        assertThat(browser.script("return sessionStorage.getItem('roadie.token')")).isNull();

        // Asked to remember, the page keeps the token on the device, until signing out.
        browser.find("#sign-in-remember").click();
        browser.find("#sign-in-token").sendKeys(hub.adminToken(), Keys.ENTER);
        browser.awaitText("#connection", "Connected");
        assertThat(browser.script("return localStorage.getItem('roadie.token')")).isEqualTo(hub.adminToken());
        browser.find("#sign-out").click();
        browser.await("the sign-in form after signing out", d -> browser.find("#sign-in").isDisplayed());
        assertThat(browser.script("return localStorage.getItem('roadie.token')")).isNull();
    }

    @Test
    void a_web_token_signs_in_as_itself_sees_what_it_may_do_and_is_signed_out_when_revoked() {
        browser.open(hub.baseUrl() + "/");
        signOutIfSignedIn();
        String token = hub.token("phone", "web", "send:music-bot", "subscribe:player.*", "registry", "search");
        browser.find("#sign-in-token").sendKeys(token, Keys.ENTER);
        browser.awaitText("#connection", "Connected");
        browser.find("nav a[data-view='tokens']").click();
        browser.awaitText("#tokens-message", "needs an admin token");
        browser.find("nav a[data-view='services']").click();
        browser.awaitText("#services-rows", "eu-1");
        assertThat(browser.find("button[aria-label='Retire music-bot/eu-1']").isEnabled()).isFalse();
        browser.screenshot("web-token-services");

        String id = hub.hub().context().tokens().list().stream().filter(t -> t.name().equals("phone"))
                .findFirst().orElseThrow().id();
        assertThat(Http.to(hub).delete("/api/tokens/" + id, hub.adminToken()).status()).isEqualTo(200);

        browser.awaitText("#sign-in-error", "Signed out: this token was revoked.");
        assertThat(browser.find("#sign-in").isDisplayed()).isTrue();
        assertThat(browser.script("return sessionStorage.getItem('roadie.token')")).isNull();
        browser.screenshot("signed-out-token-revoked");
    }

    @Test
    void results_stream_in_as_each_provider_answers_and_a_title_with_markup_is_shown_as_text() {
        signIn();
        music.hold("itunes");
        try {
            browser.open(hub.baseUrl() + "/#search");
            awaitProvider("itunes");
            browser.find("#search-box").sendKeys("harbour", Keys.ENTER);

            // Deezer answered, iTunes is still held back: its results are on the page already.
            browser.awaitText("#search-results", "Paper Boats");
            assertThat(statusOf("itunes")).isIn("searching", "slow");
            assertThat(statusOf("deezer")).isEqualTo("ok");
            assertThat(browser.find("#search-results").getText()).doesNotContain("Lighthouse Keeper");
            browser.screenshot("search-streaming");
        } finally {
            music.release("itunes");
        }
        browser.awaitText("#search-results", "Lighthouse Keeper");
        browser.await("iTunes' status to be ok", d -> "ok".equals(statusOf("itunes")));

        WebElement hostile = browser.awaitText("#search-results li .title", HOSTILE_TITLE);
        assertThat(hostile.getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(browser.findAll("#search-results img[src='x']")).isEmpty();
        assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.findAll("#search-results li .source")).extracting(WebElement::getText)
                .contains("deezer", "itunes");
        browser.screenshot("search-done");

        browser.driver().manage().window().setSize(new Dimension(360, 800));
        try {
            browser.screenshot("search-360px");
            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                    .as("nothing wider than a 360 px screen").isLessThanOrEqualTo(360L);
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void each_provider_says_when_it_failed_or_found_nothing() {
        signIn();
        music.answer("deezer", List.of());
        music.failing("itunes", true);
        try {
            browser.open(hub.baseUrl() + "/#search");
            awaitProvider("itunes");
            WebElement box = browser.find("#search-box");
            box.clear();
            box.sendKeys("silence", Keys.ENTER);

            browser.awaitText("#search-message", "Nothing found for “silence”");
            assertThat(statusOf("deezer")).isEqualTo("empty");
            assertThat(statusOf("itunes")).isEqualTo("failed");
            assertThat(browser.find("#search-status li[data-provider='itunes']").getText()).contains("failed", "500");
            assertThat(browser.findAll("#search-results li")).isEmpty();
            browser.screenshot("search-failed-and-empty");
        } finally {
            music.answer("deezer", DEEZER_SONGS);
            music.failing("itunes", false);
        }
    }

    @Test
    void when_every_provider_failed_the_page_says_the_search_could_not_be_done_not_nothing_found() {
        signIn();
        music.failing("deezer", true);
        music.failing("itunes", true);
        try {
            browser.open(hub.baseUrl() + "/#search");
            awaitProvider("itunes");
            WebElement box = browser.find("#search-box");
            box.clear();
            box.sendKeys("daft punk", Keys.ENTER);

            browser.awaitText("#search-message", "The search could not be done: every provider failed");
            assertThat(browser.find("#search-message").getText()).doesNotContain("Nothing found");
            assertThat(statusOf("deezer")).isEqualTo("failed");
            assertThat(statusOf("itunes")).isEqualTo("failed");
            assertThat(browser.find("#search-status").getText()).contains("HTTP 500").doesNotContain("null");
        } finally {
            music.failing("deezer", false);
            music.failing("itunes", false);
        }
    }

    @Test
    void a_link_whose_host_does_not_resolve_is_not_called_a_refusal() {
        signIn();
        browser.open(hub.baseUrl() + "/#search");
        awaitProvider("deezer");
        WebElement box = browser.find("#search-box");
        box.clear();
        box.sendKeys("https://nowhere.invalid/track/1", Keys.ENTER);

        browser.awaitText("#search-message", "The link could not be resolved: the host nowhere.invalid does not resolve");
        assertThat(browser.find("#search-message").getText()).doesNotContain("refused");
    }

    @Test
    void a_link_typed_in_the_box_is_resolved_instead_of_searched() {
        signIn();
        browser.open(hub.baseUrl() + "/#search");
        awaitProvider("deezer");
        WebElement box = browser.find("#search-box");
        box.clear();
        box.sendKeys("https://www.youtube.com/watch?v=pb0001", Keys.ENTER);

        browser.awaitText("#search-results li .title", "Harbour Lights - Paper Boats (Official Video)");
        assertThat(browser.find("#search-message").getText()).contains("a track").contains("oembed");
        assertThat(browser.findAll("#search-results li")).hasSize(1);
        browser.screenshot("search-link");
    }

    @Test
    void a_track_queued_from_the_keyboard_reaches_the_bot_and_the_queue_follows_skip_reorder_and_clear() {
        signIn();
        browser.open(hub.baseUrl() + "/#search");
        browser.awaitText("#target-bot", "eu-1");
        WebElement guild = browser.find("#target-guild");
        guild.clear();
        guild.sendKeys("123", Keys.ENTER);
        awaitProvider("deezer");
        WebElement box = browser.find("#search-box");
        box.clear();
        box.sendKeys("harbour", Keys.ENTER);
        browser.awaitText("#search-results", "Lighthouse Keeper");
        browser.await("every provider to answer", d -> browser.find("#search-message").getText().contains("results for"));

        // "/" focuses the box from anywhere; the arrow moves into the results; Enter queues at the end.
        browser.script("document.activeElement.blur()");
        new Actions(browser.driver()).sendKeys("/").perform();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("search-box");
        box.sendKeys(Keys.ARROW_DOWN);
        String first = activeTitle();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.playingTitle() != null);
        assertThat(bot.playingTitle()).isEqualTo(first);
        assertThat(lastAdd().position()).isEqualTo(QueuePosition.END);
        assertThat(lastAdd().guild()).isEqualTo("123");
        assertThat(lastAdd().requestedBy()).startsWith("web/tab-");

        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        String third = activeTitle();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        String second = activeTitle();
        browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.queueTitles().size() == 2);
        assertThat(lastAdd().position()).isEqualTo(QueuePosition.NEXT);
        assertThat(bot.queueTitles()).containsExactly(second, third);
        browser.awaitText("#search-message", "to play next");

        browser.open(hub.baseUrl() + "/#queue");
        browser.awaitText("#now-playing-track", first);
        assertThat(queueTitles()).containsExactly(second, third);
        browser.screenshot("queue");
        // Remove takes something away: a red outline like Clear the queue, not a solid primary button.
        assertThat(browser.script("""
                const style = selector => getComputedStyle(document.querySelector(selector));
                const remove = style('#queue-list button[aria-label^="Remove"]');
                const clear = style('#queue-clear');
                return [remove.color === clear.color, remove.borderColor === clear.borderColor,
                    remove.backgroundColor === clear.backgroundColor].join(' ');
                """)).isEqualTo("true true true");

        // Alt+Down on the first entry moves it below the second, at the bot and on the page.
        browser.find("#queue-list li[data-index='0']").sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.queueTitles().equals(List.of(third, second)));
        browser.await("the page to show the new order", d -> queueTitles().equals(List.of(third, second)));

        // Dragging the second entry onto the first puts it back in front. WebDriver cannot drag
        // with HTML5 drag and drop, so the test sends the page the drag events a browser sends.
        browser.script("""
                const items = document.querySelectorAll('#queue-list li.queue-item');
                const transfer = new DataTransfer();
                const fire = (item, type) => item.dispatchEvent(
                    new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
                fire(items[1], 'dragstart');
                fire(items[0], 'dragover');
                fire(items[0], 'drop');
                fire(items[1], 'dragend');
                """);
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.queueTitles().equals(List.of(second, third)));
        browser.await("the page to show the dragged order", d -> queueTitles().equals(List.of(second, third)));

        browser.find("#player-skip").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> second.equals(bot.playingTitle()));
        browser.awaitText("#now-playing-track", second);
        browser.await("the queue to hold only the last track", d -> queueTitles().equals(List.of(third)));
        browser.screenshot("queue-after-reorder-and-skip");

        browser.find("#queue-clear").click();
        browser.await("the confirmation", d -> browser.find("#confirm").isDisplayed());
        browser.screenshot("queue-clear-confirmation");
        browser.find("#confirm-ok").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.queueTitles().isEmpty());
        browser.awaitText("#queue-list", "The queue is empty");
        assertThat(bot.received()).hasAtLeastOneElementOfType(PlayerCommand.Clear.class)
                .hasAtLeastOneElementOfType(PlayerCommand.Move.class)
                .hasAtLeastOneElementOfType(PlayerCommand.Skip.class);
    }

    @Test
    void a_service_appears_live_with_its_load_and_is_retired_after_a_confirmation_and_secrets_never_show() {
        signIn();
        browser.open(hub.baseUrl() + "/#services");
        browser.awaitText("#services-rows", "eu-1");

        RoadieClient agent = clients.create(Clients.base(hub.token("ams-3", "node-agent", "announce:audio-node"))
                .hub("ws://127.0.0.1:" + hub.port() + "/ws").clientName("ams-3").build());
        ServiceId node = new ServiceId("audio-node", "ams-3");
        agent.announce(new ServiceDescriptor("audio-node", "ams-3",
                "http://ams-3.example.org:2333", List.of("source:youtube"), Map.of("region", "eu"),
                Map.of("password", "youshallnotpass"))).orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        agent.updateStats(node, new NodeStats(4, 3, 60_000,
                new NodeStats.Memory(100L << 20, 300L << 20, 400L << 20, 1L << 30), new NodeStats.Cpu(4, 0.25, 0.1),
                null)).orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();

        WebElement row = browser.awaitText("#services-rows tr[data-service='audio-node/ams-3']", "4 players (3 playing)");
        assertThat(row.getText()).contains("up", "http://ams-3.example.org:2333", "CPU 25 %", "s ago");
        String page = browser.driver().getPageSource();
        assertThat(page).doesNotContain("youshallnotpass").doesNotContain(TestMusicBot.SECRET);
        browser.screenshot("services");

        browser.find("button[aria-label='Retire audio-node/ams-3']").click();
        browser.await("the confirmation", d -> browser.find("#confirm").isDisplayed());
        browser.find("#confirm-ok").click();
        browser.await("the row to say retired", d -> "retired".equals(
                browser.find("#services-rows tr[data-service='audio-node/ams-3']").getAttribute("data-state")));
        assertThat(hub.hub().context().registry().get(node).orElseThrow().state().wire()).isEqualTo("retired");
        browser.screenshot("services-retired");

        String light = (String) browser.script("return getComputedStyle(document.body).backgroundColor");
        browser.colorScheme("dark");
        try {
            browser.await("the dark theme", d -> !light.equals(browser.script(
                    "return getComputedStyle(document.body).backgroundColor")));
            browser.screenshot("services-dark");
        } finally {
            browser.colorScheme("light");
        }
    }

    @Test
    void at_phone_width_services_tokens_and_search_fit_the_screen_as_cards_in_light_and_dark() {
        RoadieClient agent = clients.create(Clients.base(hub.token("lis-7", "node-agent", "announce:audio-node"))
                .hub("ws://127.0.0.1:" + hub.port() + "/ws").clientName("lis-7").build());
        ServiceId node = new ServiceId("audio-node", "lis-7");
        agent.announce(new ServiceDescriptor("audio-node", "lis-7", "https://lisbon-7.audio.example.org:2333",
                List.of("source:youtube"), Map.of("region", "eu"), Map.of()))
                .orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        agent.updateStats(node, new NodeStats(12, 9, 60_000,
                new NodeStats.Memory(100L << 20, 300L << 20, 400L << 20, 1L << 30), new NodeStats.Cpu(4, 0.5, 0.1),
                null)).orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        hub.token("living-room-tablet", "web", "registry", "search", "send:music-bot", "subscribe:player.*");
        signIn();
        browser.phone(PHONE_WIDTH, 844);
        try {
            for (String scheme : List.of("light", "dark")) {
                browser.colorScheme(scheme);

                browser.open(hub.baseUrl() + "/#services");
                browser.awaitText("#services-rows tr[data-service='audio-node/lis-7']", "12 players");
                browser.awaitText("#services-rows tr[data-service='audio-node/lis-7']",
                        "https://lisbon-7.audio.example.org:2333");
                assertFitsAsCards("services", scheme);

                browser.open(hub.baseUrl() + "/#tokens");
                browser.awaitText("#tokens-rows", "living-room-tablet");
                assertFitsAsCards("tokens", scheme);

                browser.open(hub.baseUrl() + "/#search");
                awaitProvider("itunes");
                WebElement box = browser.find("#search-box");
                box.clear();
                box.sendKeys("harbour", Keys.ENTER);
                browser.awaitText("#search-results", "Lighthouse Keeper");
                browser.await("every provider to answer",
                        d -> browser.find("#search-message").getText().contains("results for"));
                assertThat(browser.overflow(PHONE_WIDTH)).as("what sticks out of a 390 px screen").isEmpty();
                browser.screenshot("phone-search-" + scheme);
            }
        } finally {
            browser.colorScheme("light");
            browser.desktop();
        }
    }

    /** The view's table shows each row as a card, each cell captioned, and nothing sticks out. */
    private void assertFitsAsCards(String view, String scheme) {
        assertThat(browser.overflow(PHONE_WIDTH)).as("what sticks out of a 390 px screen on " + view).isEmpty();
        browser.script("arguments[0].scrollIntoView()", browser.find("#" + view + "-message"));
        // One script: the view re-renders its rows as events arrive, so a cell found earlier may be gone.
        @SuppressWarnings("unchecked")
        List<String> cell = (List<String>) browser.script("""
                const cell = document.querySelector(arguments[0]);
                return [getComputedStyle(cell).display, getComputedStyle(cell, '::before').content];
                """, "#" + view + "-rows tr td[data-label='Kind']");
        assertThat(cell.get(0)).as("how a cell is shown on a phone").isNotEqualTo("table-cell");
        assertThat(cell.get(1)).as("the caption before a cell").isEqualTo("\"Kind\"");
        browser.screenshot("phone-" + view + "-" + scheme);
    }

    @Test
    void a_token_is_created_with_scopes_shown_once_and_revoked_after_a_confirmation() {
        signIn();
        browser.open(hub.baseUrl() + "/#tokens");
        browser.awaitText("#tokens-rows", "admin");
        browser.find("#token-name").sendKeys("kitchen-tablet");
        browser.find("#token-kind").clear();
        browser.find("#token-kind").sendKeys("web");
        browser.find("#token-scopes input[value='search']").click();
        browser.find("#token-scopes input[value='registry']").click();
        browser.find("#token-form button[type='submit']").click();

        browser.await("the new token", d -> !browser.find("#token-created-value").getAttribute("value").isEmpty());
        String token = browser.find("#token-created-value").getAttribute("value");
        assertThat(token).startsWith("rd_");
        WebElement row = browser.awaitText("#tokens-rows tr[data-name='kitchen-tablet']", "active");
        assertThat(row.getText()).contains("registry search");
        Http http = Http.to(hub);
        assertThat(http.get("/api/providers", token).status()).isEqualTo(200);
        browser.screenshot("token-created");

        String id = token.substring(3, 15);
        assertThat(row.findElement(By.cssSelector("td.token-id")).getText()).isEqualTo(id);
        browser.find("button[aria-label='Revoke kitchen-tablet (" + id + ")']").click();
        browser.await("the confirmation", d -> browser.find("#confirm").isDisplayed());
        browser.find("#confirm-ok").click();
        browser.awaitText("#tokens-rows tr[data-name='kitchen-tablet']", "revoked");
        assertThat(http.get("/api/providers", token).status()).isEqualTo(401);
        browser.screenshot("token-revoked");
    }

    @Test
    void a_second_token_of_the_same_identity_is_created_with_a_note_naming_the_first_by_id() {
        String first = hub.token("hall-tablet", "web", "search").substring(3, 15);
        signIn();
        browser.open(hub.baseUrl() + "/#tokens");
        browser.awaitText("#tokens-rows", "hall-tablet");
        browser.find("#token-name").sendKeys("hall-tablet");
        browser.find("#token-kind").clear();
        browser.find("#token-kind").sendKeys("web");
        browser.find("#token-form button[type='submit']").click();

        browser.awaitText("#tokens-message", "Note: the active token " + first + " also connects as web/hall-tablet");
        assertThat(browser.driver().findElements(By.cssSelector("#tokens-rows tr[data-name='hall-tablet']")))
                .hasSize(2).extracting(row -> row.findElement(By.cssSelector("td.token-id")).getText())
                .contains(first).doesNotHaveDuplicates();
    }

    @Test
    void certificates_show_none_then_an_imported_one_with_its_expiry_and_which_service_serves_its_serial() {
        signIn();
        browser.open(hub.baseUrl() + "/#certificates");
        browser.awaitText("#certificates-message", "No certificates managed by this hub");
        browser.screenshot("certificates-none");

        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        TestCertificates.Issued leaf = TestCertificates.leaf(ca, List.of("example.org", "*.example.org"),
                Duration.ofDays(30));
        ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode()
                .put("fullchainPem", Pem.certificates(List.of(leaf.certificate(), ca.certificate())))
                .put("privkeyPem", Pem.privateKey(leaf.keys().getPrivate()));
        Http http = Http.to(hub);
        assertThat(http.post("/api/certs/example.org/import", hub.adminToken(), body.toString()).status())
                .isEqualTo(201);
        String serial = leaf.certificate().getSerialNumber().toString(16);

        // The hub announces the import on topic registry: the open view reloads by itself.
        browser.awaitText("#certificates-rows tr[data-certificate='example.org']", "example.org, *.example.org");
        // Installation reports are not announced: Refresh asks again.
        String proxy = hub.token("edge", "proxy", "certs:example.org");
        assertThat(http.post("/api/certs/example.org/installed", proxy, "{\"serial\":\"" + serial + "\"}").status())
                .isEqualTo(204);
        browser.find("#certificates-refresh").click();
        WebElement card = browser.awaitText("#certificates-rows tr[data-certificate='example.org']", "proxy/edge");
        assertThat(card.getText()).contains("example.org, *.example.org", "days left", "imported", "(current)");
        assertThat(card.getText().toLowerCase(java.util.Locale.ROOT)).contains(serial.toLowerCase(java.util.Locale.ROOT));
        browser.screenshot("certificates");
    }

    private void signIn() {
        browser.signIn(hub.baseUrl() + "/", hub.adminToken());
    }

    private void signOutIfSignedIn() {
        browser.await("the page to start", d -> browser.find("#sign-in").isDisplayed() || browser.find("#app").isDisplayed());
        if (browser.find("#app").isDisplayed()) {
            browser.find("#sign-out").click();
            browser.await("the sign-in form", d -> browser.find("#sign-in").isDisplayed());
        }
    }

    private void awaitProvider(String id) {
        browser.await("the " + id + " toggle", d -> !browser.findAll("#search-providers input[value='" + id + "']").isEmpty());
    }

    private String statusOf(String provider) {
        List<WebElement> found = browser.findAll("#search-status li[data-provider='" + provider + "']");
        return found.isEmpty() ? null : found.getFirst().getAttribute("data-status");
    }

    private String activeTitle() {
        return browser.driver().switchTo().activeElement().findElement(org.openqa.selenium.By.cssSelector(".title"))
                .getText();
    }

    private List<String> queueTitles() {
        return browser.findAll("#queue-list li.queue-item .title").stream().map(WebElement::getText).toList();
    }

    private PlayerCommand.Add lastAdd() {
        return bot.received().stream().filter(PlayerCommand.Add.class::isInstance).map(PlayerCommand.Add.class::cast)
                .reduce((a, b) -> b).orElseThrow();
    }
}
