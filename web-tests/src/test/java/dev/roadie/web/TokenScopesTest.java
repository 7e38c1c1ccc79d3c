package dev.roadie.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.TestHub;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The page knows the {@code send:KIND/NAME} scope form (docs/PROTOCOL.md section 7) as the hub
 * does: the tokens view creates it and says what it allows, and the page's own scope checks
 * follow the hub's rules, in a real Chromium against a real hub.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenScopesTest {
    @TempDir
    static Path data;
    TestHub hub;
    TestMusicBot europe;
    TestMusicBot america;
    Browser browser;

    @BeforeAll
    void start() {
        hub = TestHub.start(data, Map.of("sessions.resumeWindow", "30s"));
        europe = TestMusicBot.start(hub, "eu-1");
        america = TestMusicBot.start(hub, "us-1");
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        Closing.all(browser, europe, america, hub);
    }

    @Test
    void a_token_for_named_bots_is_created_in_the_tokens_view_and_listed_with_what_it_allows() {
        signOutIfSignedIn();
        browser.signIn(hub.baseUrl() + "/", hub.adminToken());
        browser.open(hub.baseUrl() + "/#tokens");
        browser.awaitText("#tokens-rows", "admin");
        browser.find("#token-name").sendKeys("eu-remote");
        browser.find("#token-kind").clear();
        browser.find("#token-kind").sendKeys("desktop");
        browser.find("#token-more-scopes").sendKeys("send:music-bot/eu-* subscribe:player.*");
        browser.find("#token-form button[type='submit']").click();

        WebElement row = browser.awaitText("#tokens-rows tr[data-name='eu-remote']", "active");
        assertThat(row.findElement(By.cssSelector("td.scopes")).getText())
                .isEqualTo("send:music-bot/eu-* subscribe:player.*");
        List<String> meanings = row.findElements(By.cssSelector("td.scopes .scope")).stream()
                .map(scope -> scope.getAttribute("title")).toList();
        assertThat(meanings).containsExactly(
                "sends to music-bot services whose names start with eu-, by name only (not to every music-bot or one"
                        + " the hub picks)",
                "subscribes to topics starting with player.");
        browser.screenshot("token-named-bots");
        WebElement hint = browser.find("#token-more-scopes-help");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", hint);
        assertThat(hint.getText()).contains("send:KIND/NAME");
        browser.screenshot("token-form-named-bots-hint");
    }

    @Test
    void the_pages_scope_checks_follow_the_hubs_rules_for_named_services() {
        signOutIfSignedIn();
        browser.signIn(hub.baseUrl() + "/", hub.adminToken());

        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        Object answers = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/scopes.js').then(({ Scopes }) => {
                  const named = new Scopes(['send:music-bot/eu-*', 'announce:audio-node/ams-3']);
                  const kind = new Scopes(['send:music-bot']);
                  done([
                    named.has('send:music-bot/eu-1'), named.has('send:music-bot/us-1'), named.has('send:music-bot'),
                    named.has('announce:audio-node/ams-3'), named.has('announce:audio-node'),
                    kind.has('send:music-bot/eu-1'), kind.has('send:music-bot'), kind.has('send:audio-node/ams-3'),
                  ]);
                }, e => done(String(e)));
                """);

        assertThat(answers).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(true, false, false, true, false, true, true, false);
    }

    @Test
    void a_token_for_named_bots_is_offered_only_those_bots_and_not_any_bot() {
        String token = hub.token("eu-tablet", "web", "send:music-bot/eu-*", "subscribe:player.*", "registry",
                "search");
        signOutIfSignedIn();
        browser.signIn(hub.baseUrl() + "/#queue", token);

        browser.await("the bots the token may reach", d -> options().equals(List.of("eu-1 (up)")));
        assertThat(browser.find("#target-bot").getAttribute("value")).isEqualTo("service:music-bot/eu-1");
        browser.screenshot("queue-named-bot-only");
    }

    private List<String> options() {
        return browser.findAll("#target-bot option").stream().map(WebElement::getText).toList();
    }

    private void signOutIfSignedIn() {
        browser.open(hub.baseUrl() + "/");
        browser.await("the page to start", d -> browser.find("#sign-in").isDisplayed()
                || browser.find("#app").isDisplayed());
        if (browser.find("#app").isDisplayed()) {
            browser.find("#sign-out").click();
            browser.await("the sign-in form", d -> browser.find("#sign-in").isDisplayed());
        }
    }
}
