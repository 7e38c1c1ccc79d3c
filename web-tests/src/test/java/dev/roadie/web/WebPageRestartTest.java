package dev.roadie.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.TestHub;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The page survives its hub: the hub stops, the page counts down to its next attempt, a new hub
 * starts on the same port and data folder, and the page says the hub restarted and works again
 * (its registry subscription is back and a music bot that arrives is found).
 */
class WebPageRestartTest {
    @TempDir
    Path data;
    TestHub hub;
    TestMusicBot bot;
    Browser browser;

    @AfterEach
    void stop() {
        Closing.all(browser, bot, hub);
    }

    /** A browser's session waits for its resume as a user's would (the test default is 300 ms). */
    private static Map<String, String> settings(int port) {
        return Map.of("search.enabled", "none", "port", Integer.toString(port), "sessions.resumeWindow", "30s");
    }

    @Test
    void the_page_says_when_no_bot_is_connected_and_recovers_by_itself_after_a_hub_restart() {
        hub = TestHub.start(data, settings(0));
        int port = hub.port();
        String admin = hub.adminToken();
        browser = Browser.start();
        browser.open(hub.baseUrl() + "/#queue");
        browser.await("the sign-in form", d -> browser.find("#sign-in").isDisplayed());
        browser.find("#sign-in-token").sendKeys(admin, Keys.ENTER);
        browser.awaitText("#connection", "Connected");
        browser.find("#target-guild").sendKeys("42", Keys.ENTER);
        browser.awaitText("#queue-no-bot", "No music bot is connected");
        assertThat(browser.find("#queue-no-bot a").getAttribute("href")).endsWith("docs/BOT-INTEGRATION.md");
        browser.screenshot("queue-no-bot");

        hub.close();
        hub = null;
        browser.awaitText("#connection", "Reconnecting");
        browser.screenshot("hub-down-reconnecting");

        hub = TestHub.start(data, settings(port));
        browser.awaitText("#connection", "hub restarted");
        browser.screenshot("hub-restarted");

        // The new hub knows nothing of the page: the page subscribed again and sees a bot arrive.
        bot = TestMusicBot.start(hub, "eu-2");
        browser.find("nav a[data-view='services']").click();
        browser.awaitText("#services-rows", "eu-2");
        browser.find("nav a[data-view='queue']").click();
        browser.awaitText("#now-playing-track", "Nothing is playing");
        browser.await("the no-bot notice to go", d -> !browser.find("#queue-no-bot").isDisplayed());
        browser.screenshot("after-restart-with-a-bot");
    }
}
