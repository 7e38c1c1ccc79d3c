package dev.roadie.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.pairing.QrModules;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Devices view in a real headless Chromium against a real hub, with the device's side played
 * over real HTTP: approving by the code the link fills in (bound to named music bots), approving
 * and denying from the list, inviting (with the hub's QR code of the link), revoking (which
 * disconnects the device), and screenshots at a desktop's and a phone's width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevicesViewTest {
    @TempDir
    static Path data;
    TestHub hub;
    Http http;
    Browser browser;

    @BeforeAll
    void start() {
        hub = TestHub.start(data);
        http = Http.to(hub);
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        Closing.all(browser, hub);
    }

    @Test
    void the_link_a_device_shows_fills_in_its_code_and_approving_it_gives_the_device_its_token() {
        JsonNode started = startPairing("desktop", "Alice's laptop", "Windows 11");
        String code = started.get("user_code").asString();
        String link = started.get("verification_uri_complete").asString();
        assertThat(link).startsWith(hub.baseUrl() + "/#devices?code=");

        signIn(link.substring(hub.baseUrl().length()));
        browser.awaitText("#pairing-rows", "Alice's laptop");
        assertThat(browser.find("#device-code").getAttribute("value")).isEqualTo(code);
        assertThat(browser.find("#pairing-rows").getText()).contains("desktop", "Windows 11", "127.0.0.1");
        browser.find("#device-bots").sendKeys("eu-1 eu-2");
        browser.find("#device-approve button[type=submit]").click();

        browser.awaitText("#devices-message", "Approved Alice's laptop");
        JsonNode token = poll(started);
        assertThat(token.get("kind").asString()).isEqualTo("desktop");
        assertThat(token.get("scope").asString())
                .isEqualTo("send:music-bot/eu-1 send:music-bot/eu-2 subscribe:player.* registry search");
        browser.awaitText("#devices-rows", "Alice's laptop");
        assertThat(browser.find("#pairing-rows").getText()).doesNotContain("Alice's laptop");
    }

    @Test
    void a_request_is_approved_or_denied_from_the_list_and_a_revoked_device_is_disconnected() {
        JsonNode phone = startPairing("mobile", "Bob's phone", "Android 15");
        JsonNode stranger = startPairing("extension", "Not mine", "Linux");
        signIn("/#devices");

        browser.awaitText("#pairing-rows", "Not mine");
        browser.find("#pairing-rows tr[data-request] button.danger[aria-label='Deny Not mine']").click();
        browser.awaitText("#devices-message", "Denied Not mine");
        assertThat(http.post("/api/pair/token", null, "{\"device_code\": \"" + stranger.get("device_code").asString()
                + "\"}").json().get("error").asString()).isEqualTo("access_denied");

        browser.find("#pairing-rows button[aria-label=\"Approve Bob's phone\"]").click();
        browser.await("the confirmation", d -> browser.find("#confirm").isDisplayed());
        browser.find("#confirm-ok").click();
        browser.awaitText("#devices-message", "Approved Bob's phone");
        JsonNode token = poll(phone);
        WireClient device = hub.track(WireClient.authenticated(hub.port(), token.get("access_token").asString()));

        browser.driver().navigate().refresh();
        browser.awaitText("#devices-rows", "Bob's phone");
        browser.find("#devices-rows tr[data-device='" + token.get("token_id").asString() + "'] button.danger").click();
        browser.await("the confirmation", d -> browser.find("#confirm").isDisplayed());
        browser.find("#confirm-ok").click();

        assertThat(device.awaitClose()).isEqualTo(4003);
        browser.awaitText("#devices-rows tr[data-device='" + token.get("token_id").asString() + "']", "revoked");
    }

    @Test
    void an_invite_shows_a_single_use_code_and_its_link() {
        signIn("/#devices");

        browser.find("#device-invite button[type=submit]").click();

        browser.await("the invite", d -> browser.find("#device-invited").isDisplayed());
        String code = browser.find("#device-invited-code").getText();
        assertThat(code).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        String link = browser.find("#device-invited-link").getAttribute("value");
        assertThat(link).startsWith("roadie://pair?hub=").endsWith("&code=" + code);
        // The link as the QR code the hub drew: shown as an image (so the page's policy lets it load), with
        // qrcodegen's modules for exactly this link, and the link as its text.
        assertThat(browser.find("#device-invited-qr img.qr").getAttribute("alt")).contains(link);
        browser.await("the QR code to load", d -> ((Number) browser.script("const img = document.querySelector("
                + "'#device-invited-qr img.qr'); return img.complete ? img.naturalWidth : 0;")).intValue() > 0);
        String src = browser.find("#device-invited-qr img.qr").getAttribute("src");
        String svg = URLDecoder.decode(src.substring(src.indexOf(',') + 1), StandardCharsets.UTF_8);
        assertThat(QrModules.fromSvg(svg)).containsExactlyElementsOf(QrModules.expected(link));
        browser.script("document.getElementById('device-invited').scrollIntoView()");
        browser.screenshot("devices-invite");
        Http.Response redeemed = http.post("/api/pair/redeem", null, "{\"code\": \"" + code
                + "\", \"name\": \"Carol's phone\"}");
        assertThat(redeemed.status()).isEqualTo(200);
        assertThat(redeemed.json().get("kind").asString()).isEqualTo("mobile");
    }

    @Test
    void screenshots_at_a_desktops_and_a_phones_width_in_light_and_dark_with_nothing_sticking_out() {
        startPairing("mobile", "Dana's phone", "iOS 19");
        JsonNode paired = startPairing("desktop", "Studio PC", "Windows 11");
        http.post("/api/pair/requests/" + paired.get("user_code").asString() + "/approve", hub.adminToken(), "");
        poll(paired);
        signIn("/#devices");
        browser.awaitText("#pairing-rows", "Dana's phone");
        browser.awaitText("#devices-rows", "Studio PC");
        List<String> problems = new ArrayList<>();
        try {
            for (String width : List.of("desktop", "phone")) {
                if (width.equals("phone")) {
                    browser.phone(DashboardTest.PHONE_WIDTH, DashboardTest.PHONE_HEIGHT);
                } else {
                    browser.screen(1280, 800);
                }
                for (String scheme : List.of("light", "dark")) {
                    browser.colorScheme(scheme);
                    browser.script("window.scrollTo(0, 0)");
                    if (width.equals("phone")) {
                        browser.overflow(DashboardTest.PHONE_WIDTH).forEach(p -> problems.add(scheme + ": " + p));
                    }
                    browser.screenshot("devices-" + width + "-" + scheme);
                }
            }
        } finally {
            browser.colorScheme("light");
            browser.desktop();
        }
        assertThat(problems).as("what sticks out of a 390 px screen").isEmpty();
    }

    private JsonNode startPairing(String kind, String name, String platform) {
        Http.Response started = http.post("/api/pair/start", null, "{\"kind\": \"" + kind + "\", \"name\": \"" + name
                + "\", \"platform\": \"" + platform + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json();
    }

    private JsonNode poll(JsonNode started) {
        Http.Response answer = http.post("/api/pair/token", null, "{\"device_code\": \""
                + started.get("device_code").asString() + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** Signs in on a freshly loaded page (a new address that differs only in its #hash would not reload it). */
    private void signIn(String path) {
        browser.signIn(hub.baseUrl() + path, hub.adminToken());
    }
}
