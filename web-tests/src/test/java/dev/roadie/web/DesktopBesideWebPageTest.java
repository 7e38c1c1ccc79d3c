package dev.roadie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.cli.demo.DemoBot;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.companion.hub.SdkMusicHub;
import dev.roadie.companion.remote.MainViewModel;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.companion.remote.SearchViewModel;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The desktop app beside the web page, as the issue asks: a person's queue change made in the
 * desktop app shows at once in the page, and one made in the page reaches the desktop app. The
 * desktop side is the app's own ViewModels over its own connection ({@code SdkMusicHub} with a
 * desktop token), run on a thread of their own as on the JavaFX thread; the page is the hub's
 * page in a real headless Chromium; between them a real hub and the stand-in bot
 * ({@code roadie demo-bot}). Each test uses a guild of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesktopBesideWebPageTest {
    private static final String BOT = "demo";

    @TempDir
    static Path data;
    TestHub hub;
    RoadieClient botClient;
    DemoBot bot;
    SdkMusicHub desktop;
    /** The desktop app's UI thread: every ViewModel property changes there. */
    final ExecutorService ui = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("desktop-ui").factory());
    MainViewModel main;
    PlayerViewModel player;
    SearchViewModel search;
    Browser browser;

    @BeforeAll
    void start() throws Exception {
        hub = TestHub.start(data, Map.of("sessions.resumeWindow", "30s"));
        botClient = RoadieClient.create(Clients.base(hub.token(BOT, DemoBot.KIND, "announce:music-bot",
                "publish:player.*", "search")).hub("ws://127.0.0.1:" + hub.port() + "/ws").clientName("demo-bot").build());
        bot = DemoBot.start(botClient, new DemoBot.Settings(BOT, List.of("111", "222")));
        // The desktop kind's preset scopes, as pairing gives them (docs/PAIRING.md).
        desktop = new SdkMusicHub(Clients.base(hub.token("alice-laptop", "desktop", "send:music-bot",
                "subscribe:player.*", "registry", "search")).hub("ws://127.0.0.1:" + hub.port() + "/ws")
                .clientName("roadie-desktop"));
        onUi(() -> {
            main = new MainViewModel(desktop, ui);
            player = new PlayerViewModel(desktop, ui, Clock.systemUTC(), main.target());
            search = new SearchViewModel(desktop, ui, main.target(), player::apply, "alice");
            main.start();
            return null;
        });
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        Closing.all(browser, desktop, bot, botClient, hub);
        ui.shutdownNow();
    }

    <T> T onUi(Callable<T> call) throws Exception {
        return ui.submit(call).get();
    }

    /** The desktop app on {@code guild} of the bot, and the page's queue view on the same. */
    void bothOn(String guild) throws Exception {
        await().atMost(Clients.WAIT).until(() -> onUi(() -> main.guilds().contains(guild)));
        onUi(() -> {
            main.guild().set(guild);
            return null;
        });
        browser.signIn(hub.baseUrl() + "/#queue", hub.adminToken());
        WebElement field = browser.find("#target-guild");
        field.clear();
        field.sendKeys(guild, Keys.ENTER);
        browser.awaitText("#queue-list", "The queue is empty.");
    }

    static Track track(String title, String artist) {
        return new Track(title, artist, null, 200_000, "https://example.org/" + title.replace(' ', '-'), null,
                "deezer", null, true);
    }

    List<String> pageQueue() {
        return browser.findAll("#queue-list li.queue-item .title").stream().map(WebElement::getText).toList();
    }

    List<String> desktopQueue() throws Exception {
        return onUi(() -> player.queue().stream().map(Track::title).toList());
    }

    @Test
    void a_queue_change_made_in_the_desktop_app_shows_at_once_in_the_web_page() throws Exception {
        bothOn("111");

        for (Track track : List.of(track("Paper Boats", "Harbour Lights"), track("Folded Maps", "North Window"),
                track("Origami Heart", "Harbour Lights"))) {
            onUi(() -> {
                search.queue(track, QueuePosition.END);
                return null;
            });
            await().atMost(Clients.WAIT).until(() -> desktopQueue().contains(track.title())
                    || track.title().equals(onUi(() -> player.nowPlaying().get() == null ? null
                            : player.nowPlaying().get().title())));
        }
        browser.awaitText("#now-playing-track", "Paper Boats");
        browser.await("the page's queue to list what the desktop app queued",
                d -> pageQueue().equals(List.of("Folded Maps", "Origami Heart")));

        onUi(() -> {
            player.move(1, 0);
            return null;
        });
        browser.await("the page's queue to take the desktop app's move",
                d -> pageQueue().equals(List.of("Origami Heart", "Folded Maps")));
        browser.awaitText("#queue-list li.queue-item", "North Window");
        browser.script("document.activeElement.blur()");
        browser.screenshot("queue-beside-desktop");
    }

    @Test
    void a_change_made_in_the_web_page_reaches_the_desktop_player() throws Exception {
        bothOn("222");
        for (Track track : List.of(track("Northern Lines", "Velvet Static"), track("Tissue & Ink", "Les Étoiles"),
                track("Paperweight", "Juniper Road"))) {
            onUi(() -> {
                search.queue(track, QueuePosition.END);
                return null;
            });
        }
        await().atMost(Clients.WAIT).until(() -> desktopQueue().equals(List.of("Tissue & Ink", "Paperweight")));
        browser.await("the page's queue", d -> pageQueue().equals(List.of("Tissue & Ink", "Paperweight")));

        browser.find("#queue-list button[aria-label='Move Paperweight up']").click();
        await().atMost(Clients.WAIT).until(() -> desktopQueue().equals(List.of("Paperweight", "Tissue & Ink")));

        browser.find("#queue-list").findElement(By.cssSelector("button[aria-label='Remove Tissue & Ink']")).click();
        await().atMost(Clients.WAIT).until(() -> desktopQueue().equals(List.of("Paperweight")));

        browser.find("#player-skip").click();
        await().atMost(Clients.WAIT).until(() -> "Paperweight".equals(onUi(() -> player.nowPlaying().get() == null
                ? null : player.nowPlaying().get().title())));
        assertThat(desktopQueue()).isEmpty();
    }
}
