package dev.roadie.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.desktop.testing.LiveMusic;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window on Monocle, driven with the keyboard against a real hub with the stand-in bot:
 * what the bot holds (asked by another companion) is the proof, not the window's own lists.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    static final Duration WAIT = Clients.WAIT;

    @TempDir
    static Path data;
    LiveMusic music;
    RoadieClient bob;

    @Start
    void start(Stage stage) {
        music = new LiveMusic(data.resolve("hub-" + System.nanoTime()));
        bob = music.companion();
        Theme.apply(false);
        Scene scene = new Scene(Screens.main(music.desktop, "alice", () -> { }), 1280, 800);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        music.close();
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        FutureTask<T> task = new FutureTask<>(read);
        Platform.runLater(task);
        return task.get();
    }

    List<String> shown(FxRobot robot, String list) throws Exception {
        ListView<Track> view = robot.lookup(list).queryListView();
        return onFx(() -> view.getItems().stream().map(Track::title).toList());
    }

    String text(FxRobot robot, String id) throws Exception {
        Label label = robot.lookup(id).queryAs(Label.class);
        return onFx(label::getText);
    }

    List<String> botQueue() {
        return music.queueOf(bob, "1").queue().stream().map(Track::title).toList();
    }

    String botPlaying() {
        Track track = music.queueOf(bob, "1").nowPlaying().track();
        return track == null ? null : track.title();
    }

    void searchFor(FxRobot robot, String words) {
        robot.clickOn("#search").write(words);
        await().atMost(WAIT).until(() -> shown(robot, "#results").size() == 8);
    }

    @Test
    void the_bot_and_its_first_guild_are_chosen_and_the_connection_shows() throws Exception {
        FxRobot robot = new FxRobot();
        await().atMost(WAIT).until(() -> text(robot, "#connection").equals("Connected"));
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#guild").queryComboBox().getValue()) != null);

        assertThat(onFx(() -> String.valueOf(robot.lookup("#bot").queryComboBox().getValue()))).isEqualTo("demo");
        assertThat(onFx(() -> robot.lookup("#guild").queryComboBox().getValue())).isEqualTo("1");
    }

    @Test
    void search_as_you_type_shows_the_results_and_every_provider() throws Exception {
        FxRobot robot = new FxRobot();

        searchFor(robot, "paper");

        assertThat(shown(robot, "#results")).startsWith("Paper Boats", "Paper Moon Parade");
        await().atMost(WAIT).until(() -> text(robot, "#searchStatus").equals("8 results"));
    }

    @Test
    void enter_queues_shift_enter_plays_next_and_delete_removes_all_from_the_keyboard() throws Exception {
        FxRobot robot = new FxRobot();
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#guild").queryComboBox().getValue()) != null);
        searchFor(robot, "paper");

        robot.type(KeyCode.ENTER);                                  // the first result, from the search field
        await().atMost(WAIT).until(() -> "Paper Boats".equals(botPlaying()));
        await().atMost(WAIT).until(() -> text(robot, "#nowTitle").equals("Paper Boats"));

        robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.ENTER);      // the second result, at the end
        await().atMost(WAIT).until(() -> botQueue().equals(List.of("Paper Moon Parade")));
        robot.type(KeyCode.DOWN);
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);   // the third, next
        await().atMost(WAIT).until(() -> botQueue().equals(List.of("Paperweight", "Paper Moon Parade")));
        await().atMost(WAIT).until(() -> shown(robot, "#queue").equals(List.of("Paperweight", "Paper Moon Parade")));

        robot.clickOn(robot.from(robot.lookup("#queue").<Node>query()).lookup("Paper Moon Parade").<Node>query())
                .type(KeyCode.DELETE);
        await().atMost(WAIT).until(() -> botQueue().equals(List.of("Paperweight")));
        await().atMost(WAIT).until(() -> shown(robot, "#queue").equals(List.of("Paperweight")));

        robot.type(KeyCode.SPACE);                                  // pause, outside the search field
        await().atMost(WAIT).until(() -> music.queueOf(bob, "1").nowPlaying().paused());
    }

    @Test
    void another_companions_changes_show_at_once() throws Exception {
        FxRobot robot = new FxRobot();
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#guild").queryComboBox().getValue()) != null);
        Track track = new Track("Folded Maps", "North Window", "Cartography", 264_000, "https://example.org/maps", null,
                "test", null, true);

        bob.requestBlocking(LiveMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Add("1", track, null,
                QueuePosition.END, "bob"), WAIT).as(PlayerEvent.QueueSnapshot.class);

        await().atMost(WAIT).until(() -> text(robot, "#nowTitle").equals("Folded Maps"));
    }

    @Test
    void the_window_says_when_the_hub_is_gone_and_follows_the_queue_again_after_a_restart() throws Exception {
        FxRobot robot = new FxRobot();
        await().atMost(WAIT).until(() -> text(robot, "#connection").equals("Connected"));
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#guild").queryComboBox().getValue()) != null);

        music.hub.close();
        await().atMost(WAIT).until(() -> text(robot, "#connection").contains("reconnecting"));
        music.hub = music.hub.restart();

        await().atMost(WAIT).until(() -> text(robot, "#connection").startsWith("Connected"));
        Track track = new Track("Folded Maps", "North Window", "Cartography", 264_000, "https://example.org/maps", null,
                "test", null, true);
        await().atMost(WAIT).until(() -> bob.requestBlocking(LiveMusic.BOT, PlayerCommand.SUBJECT,
                new PlayerCommand.Add("1", track, null, QueuePosition.END, "bob"), WAIT).isOk());
        await().atMost(WAIT).until(() -> text(robot, "#nowTitle").equals("Folded Maps"));
    }

    @Test
    void a_queue_entry_is_dragged_to_another_place_and_alt_arrows_move_it_too() throws Exception {
        FxRobot robot = new FxRobot();
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#guild").queryComboBox().getValue()) != null);
        for (String title : List.of("Playing", "A", "B", "C")) {
            bob.requestBlocking(LiveMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Add("1", new Track(title, "X",
                    null, 200_000, "https://example.org/" + title, null, "test", null, true), null, QueuePosition.END,
                    "bob"), WAIT).orThrow();
        }
        await().atMost(WAIT).until(() -> shown(robot, "#queue").equals(List.of("A", "B", "C")));
        Node queue = robot.lookup("#queue").query();

        robot.drag(robot.from(queue).lookup("C").<Node>query()).dropTo(robot.from(queue).lookup("A").<Node>query());
        await().atMost(WAIT).until(() -> botQueue().equals(List.of("C", "A", "B")));
        await().atMost(WAIT).until(() -> shown(robot, "#queue").equals(List.of("C", "A", "B")));

        robot.clickOn(robot.from(queue).lookup("A").<Node>query());
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        await().atMost(WAIT).until(() -> botQueue().equals(List.of("C", "B", "A")));
    }

    @Test
    void f1_opens_the_shortcuts_sheet() {
        FxRobot robot = new FxRobot();

        robot.type(KeyCode.F1);

        await().atMost(WAIT).until(() -> robot.lookup("#shortcuts").tryQuery().isPresent());
        assertThat(robot.lookup("Ctrl+L").tryQuery()).isPresent();
    }
}
