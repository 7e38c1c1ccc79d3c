package dev.roadie.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Views the hub's pushes redraw, in a real headless Chromium against a real hub: a keyboard
 * user keeps their place while stats stream in, and a status line with nothing to say takes no room.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveUpdatesTest {
    private static final ServiceId NODE = new ServiceId("audio-node", "ams-3");

    @TempDir
    static Path data;
    TestHub hub;
    TestMusicBot bot;
    final Clients clients = new Clients();
    Browser browser;

    @BeforeAll
    void start() {
        // Stats reach the page a few times a second, as on a busy hub.
        hub = TestHub.start(data, Map.of("registry.publishInterval", "200ms", "sessions.resumeWindow", "30s"));
        bot = TestMusicBot.start(hub, "eu-1");
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        Closing.all(browser, bot, clients, hub);
    }

    @Test
    void a_focused_drain_button_keeps_the_focus_while_stats_are_pushed() {
        RoadieClient agent = clients.create(Clients.base(hub.token("ams-3", "node-agent", "announce:audio-node"))
                .hub("ws://127.0.0.1:" + hub.port() + "/ws").clientName("ams-3").build());
        agent.announce(new ServiceDescriptor("audio-node", "ams-3", "https://ams-3.example.org:2333",
                List.of("source:youtube"), Map.of(), Map.of())).orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        pushStats(agent, 4);
        signIn("/#services");
        String row = "#services-rows tr[data-service='audio-node/ams-3']";
        browser.awaitText(row, "4 players");
        WebElement drain = browser.find(row + " button[aria-label='Drain audio-node/ams-3']");
        browser.script("arguments[0].focus(); window.focusedBefore = arguments[0];", drain);

        for (int players = 5; players <= 7; players++) {
            pushStats(agent, players);
            browser.awaitText(row, players + " players");
        }

        assertThat(browser.script("return document.activeElement === window.focusedBefore"))
                .as("the Drain button focused before the updates has the focus after them").isEqualTo(true);
        assertThat(browser.script("return document.activeElement.getAttribute('aria-label')"))
                .isEqualTo("Drain audio-node/ams-3");
        browser.screenshot("services-focus-kept");
    }

    @Test
    void the_queue_views_status_line_takes_no_room_while_it_is_empty() {
        signIn("/#search");
        browser.awaitText("#target-bot", "eu-1");
        WebElement guild = browser.find("#target-guild");
        guild.clear();
        guild.sendKeys("123", Keys.ENTER);
        browser.find("nav a[data-view='queue']").click();
        browser.await("the queue to be asked for", d -> browser.find("#queue-message").getText().isEmpty()
                && browser.find("#now-playing").isDisplayed());
        browser.screenshot("queue-empty-status");

        assertThat(browser.script("return document.getElementById('queue-message').getBoundingClientRect().height"))
                .as("height of the empty status line").isIn(0L, 0.0);
    }

    private static void pushStats(RoadieClient agent, int players) {
        agent.updateStats(NODE, new NodeStats(players, 0, 60_000, null, null, null))
                .orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private void signIn(String path) {
        browser.signIn(hub.baseUrl() + path, hub.adminToken());
    }
}
