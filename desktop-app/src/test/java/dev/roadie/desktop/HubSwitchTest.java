package dev.roadie.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.desktop.hubs.HubsViewModel;
import dev.roadie.desktop.settings.DesktopSettings;
import dev.roadie.desktop.settings.SettingsStore;
import dev.roadie.desktop.testing.LiveMusic;
import dev.roadie.hub.testing.Http;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Several hubs, on Monocle against two real hubs, each with the stand-in bot (in guilds 1 and 2
 * on one, 7 on the other): the hub menu switches the window's one connection, pairs with another
 * hub and forgets one, and the settings file follows.
 */
@ExtendWith(ApplicationExtension.class)
class HubSwitchTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    LiveMusic home;
    LiveMusic club;
    SettingsStore store;
    Shell shell;
    final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();

    @Start
    void start(Stage stage) {
        long run = System.nanoTime();
        home = new LiveMusic(data.resolve("home-" + run), List.of("1", "2"));
        club = new LiveMusic(data.resolve("club-" + run), List.of("7"));
        store = new SettingsStore(data.resolve("desktop-" + run + ".json"));
        store.save(DesktopSettings.EMPTY.paired(new PairedHub(home.address(), home.desktopToken("alice"), "alice")));
        Theme.apply(false);
        Scene scene = new Scene(new StackPane(), 1280, 800);
        scene.getStylesheets().add(Theme.stylesheet());
        shell = new Shell(store, new HttpPairingApi(), background, "alice's laptop", scene::setRoot);
        shell.start();
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        shell.close();
        background.shutdownNow();
        home.close();
        club.close();
    }

    static String label(LiveMusic music) {
        return "127.0.0.1:" + music.hub.port();
    }

    String text(FxRobot robot, String id) throws Exception {
        return MainViewTest.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    Object guild(FxRobot robot) throws Exception {
        return MainViewTest.onFx(() -> robot.lookup("#guild").queryComboBox().getValue());
    }

    static void play(LiveMusic music, String guild, String title) {
        RoadieClient bob = music.companion();
        bob.requestBlocking(LiveMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Add(guild, new Track(title, "X", null,
                200_000, "https://example.org/" + title, null, "test", null, true), null, QueuePosition.END, "bob"),
                WAIT).as(PlayerEvent.QueueSnapshot.class);
    }

    @Test
    void switching_to_another_paired_hub_closes_the_first_connection_and_refills_the_bot_picker() throws Exception {
        FxRobot robot = new FxRobot();
        store.save(store.load().paired(new PairedHub(club.address(), club.desktopToken("alice"), "alice"))
                .using(home.address()));
        MainViewTest.onFx(() -> {
            shell.start();
            return null;
        });
        play(home, "1", "Harbour Song");
        play(club, "7", "Club Anthem");
        await().atMost(WAIT).until(() -> text(robot, "#nowTitle").equals("Harbour Song"));
        assertThat(MainViewTest.onFx(() -> robot.lookup("#hubs").queryLabeled().getText())).isEqualTo(label(home));
        assertThat(home.hub.hasSubscriber("player.1")).as("the window follows guild 1 on the first hub").isTrue();

        robot.clickOn("#hubs").clickOn(label(club));

        await().atMost(WAIT).until(() -> "7".equals(guild(robot)));
        await().atMost(WAIT).until(() -> text(robot, "#nowTitle").equals("Club Anthem"));
        await().atMost(WAIT).until(() -> text(robot, "#connection").equals("Connected"));
        assertThat(MainViewTest.onFx(() -> robot.lookup("#guild").queryComboBox().getItems())).containsExactly("7");
        assertThat(MainViewTest.onFx(() -> robot.lookup("#hubs").queryLabeled().getText())).isEqualTo(label(club));
        await().atMost(WAIT).until(() -> !home.hub.hasSubscriber("player.1"));
        assertThat(store.load().inUse().map(PairedHub::hub)).contains(club.address());
    }

    @Test
    void pairing_with_another_hub_adds_it_and_forgetting_it_returns_to_the_first() throws Exception {
        FxRobot robot = new FxRobot();
        await().atMost(WAIT).until(() -> "1".equals(guild(robot)));

        robot.clickOn("#hubs").clickOn("Pair with another hub…");
        await().atMost(WAIT).until(() -> robot.lookup("#back").tryQuery().isPresent());
        robot.clickOn("#back");
        await().atMost(WAIT).until(() -> "1".equals(guild(robot)));

        robot.clickOn("#hubs").clickOn("Pair with another hub…");
        robot.doubleClickOn("#hubAddress").eraseText(40).write(label(club));
        robot.clickOn("#pair");
        await().atMost(WAIT).until(() -> text(robot, "#userCode").matches("[A-Z]{4}-[A-Z]{4}"));
        Http owner = new Http(club.address());
        assertThat(owner.post("/api/pair/requests/" + text(robot, "#userCode") + "/approve",
                club.hub.token("owner", "admin", "admin"), "{}").status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> robot.lookup("#guild").tryQuery().isPresent() && "7".equals(guild(robot)));
        assertThat(store.load().hubs()).extracting(PairedHub::hub).containsExactly(home.address(), club.address());
        String clubToken = store.load().inUse().orElseThrow().token();

        robot.clickOn("#hubs").clickOn("Forget this hub");
        await().atMost(WAIT).until(() -> robot.lookup("#forgetDialog").tryQuery().isPresent());
        robot.clickOn("Cancel");
        assertThat(store.load().hubs()).as("kept after Cancel").hasSize(2);
        robot.clickOn("#hubs").clickOn("Forget this hub");
        await().atMost(WAIT).until(() -> robot.lookup("#forgetDialog").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#forgetDialog").lookup("Forget").<javafx.scene.Node>query());

        await().atMost(WAIT).until(() -> "1".equals(guild(robot)));
        assertThat(MainViewTest.onFx(() -> robot.lookup("#hubs").queryLabeled().getText())).isEqualTo(label(home));
        assertThat(store.load().hubs()).extracting(PairedHub::hub).containsExactly(home.address());
        assertThat(Files.readString(store.file())).doesNotContain(clubToken);
        assertThat(HubsViewModel.label(store.load().hubs().getFirst())).isEqualTo(label(home));
    }
}
