package dev.roadie.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.mobile.intents.AndroidIntents;
import dev.roadie.mobile.intents.IncomingIntent;
import dev.roadie.mobile.platform.DesktopIncomingIntentsService;
import dev.roadie.mobile.storage.PhoneStore;
import dev.roadie.mobile.testing.PhoneMusic;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The phone at 390×844 on Monocle against a real hub with the stand-in bot, paired through a
 * real invite: a voice search, a share and a deep link each end with the track in the bot's
 * queue, asked of the bot by another companion.
 */
@ExtendWith(ApplicationExtension.class)
class PhoneRemoteTest {
    static final Duration WAIT = Clients.WAIT;

    @TempDir
    static Path data;
    PhoneMusic music;
    RoadieClient bob;
    DesktopIncomingIntentsService intents = new DesktopIncomingIntentsService();
    ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
    PhoneStore store;
    PhoneRoot root;

    @Start
    void start(Stage stage) {
        Path run = data.resolve("run-" + System.nanoTime());
        music = new PhoneMusic(run.resolve("hub"));
        bob = music.companion();
        store = new PhoneStore(run.resolve("phone"));
        Theme.apply(false);
        root = new PhoneRoot(store, intents, PhoneRoot::sdk, new HttpPairingApi("mobile"), background, "Carol's phone");
        Scene scene = new Scene(root, PhoneApp.WIDTH, PhoneApp.HEIGHT);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        onFx(() -> {
            root.close();
            return null;
        });
        background.shutdownNow();
        music.close();
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        FutureTask<T> task = new FutureTask<>(read);
        Platform.runLater(task);
        return task.get();
    }

    String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }

    List<String> shown(FxRobot robot, String list) throws Exception {
        return onFx(() -> robot.lookup(list).tryQuery().map(n -> ((ListView<?>) n).getItems().stream()
                .map(t -> ((Track) t).title()).toList()).orElse(List.of()));
    }

    List<String> bot() {
        return music.titles(bob, "1");
    }

    /** Opens the owner's invite link, as Android hands the phone a tapped roadie://pair link. */
    void pairByInvite(FxRobot robot) throws Exception {
        intents.deliver(IncomingIntent.view(music.invite()));
        await().atMost(WAIT).until(() -> text(robot, "#connection").equals("Connected"));
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#target").tryQuery().map(target -> ((Button) target).getText()).orElse("")).equals("demo · Server 1"));
    }

    @Test
    void an_invite_link_pairs_the_phone_and_keeps_the_token_in_its_storage() throws Exception {
        FxRobot robot = new FxRobot();

        pairByInvite(robot);

        assertThat(store.load()).hasValueSatisfying(paired -> {
            assertThat(paired.hub()).isEqualTo(music.address());
            assertThat(paired.token()).startsWith("rd_");
            assertThat(paired.name()).isEqualTo("Carol's phone");
        });
    }

    @Test
    void a_voice_search_for_a_song_plays_the_match_the_assistant_named() throws Exception {
        FxRobot robot = new FxRobot();
        pairByInvite(robot);

        // "Hey Google, play Paper Moon Parade by The Lanterns on Roadie"
        intents.deliver(IncomingIntent.mediaSearch(Map.of(AndroidIntents.EXTRA_QUERY, "paper moon parade by the lanterns",
                AndroidIntents.EXTRA_FOCUS, "vnd.android.cursor.item/audio", AndroidIntents.EXTRA_TITLE, "Paper Moon Parade",
                AndroidIntents.EXTRA_ARTIST, "The Lanterns")));

        await().atMost(WAIT).until(() -> bot().equals(List.of("Paper Moon Parade")));
        await().atMost(WAIT).until(() -> text(robot, "#nowTitle").equals("Paper Moon Parade"));
        assertThat(text(robot, "#nowByline")).isEqualTo("The Lanterns · Carnival");
    }

    @Test
    void a_shared_link_is_read_by_the_hub_and_queued() throws Exception {
        FxRobot robot = new FxRobot();
        pairByInvite(robot);

        intents.deliver(IncomingIntent.share("Watch this: " + PhoneMusic.VIDEO + " (shared from YouTube)"));

        await().atMost(WAIT).until(() -> bot().stream().anyMatch(t -> t.contains("Origami Heart")));
        await().atMost(WAIT).until(() -> text(robot, "#toast").startsWith("Queued “"));
    }

    @Test
    void deep_links_queue_at_the_end_and_next() throws Exception {
        FxRobot robot = new FxRobot();
        pairByInvite(robot);

        intents.deliver(IncomingIntent.view("roadie://play?q=Paper%20Boats"));
        await().atMost(WAIT).until(() -> bot().equals(List.of("Paper Boats")));
        intents.deliver(IncomingIntent.view("roadie://queue?q=Folded+Maps"));
        await().atMost(WAIT).until(() -> bot().equals(List.of("Paper Boats", "Folded Maps")));
        intents.deliver(IncomingIntent.view("roadie://play?q=tissue%20ink%20next"));

        await().atMost(WAIT).until(() -> bot().equals(List.of("Paper Boats", "Tissue & Ink", "Folded Maps")));
        await().atMost(WAIT).until(() -> shown(robot, "#queue").equals(List.of("Tissue & Ink", "Folded Maps")));
    }

    @Test
    void a_voice_search_that_starts_the_app_before_it_is_paired_runs_once_it_is() throws Exception {
        FxRobot robot = new FxRobot();

        intents.deliver(IncomingIntent.mediaSearch("Folded Maps"));
        pairByInvite(robot);

        await().atMost(WAIT).until(() -> bot().equals(List.of("Folded Maps")));
    }

    @Test
    void phrases_press_the_players_buttons() throws Exception {
        FxRobot robot = new FxRobot();
        pairByInvite(robot);
        intents.deliver(IncomingIntent.view("roadie://play?q=Paper%20Boats"));
        await().atMost(WAIT).until(() -> bot().equals(List.of("Paper Boats")));

        intents.deliver(IncomingIntent.view("roadie://say?q=louder"));
        await().atMost(WAIT).until(() -> music.player(bob, "1").nowPlaying().volume() == 110);
        intents.deliver(IncomingIntent.view("roadie://say?q=pause%20the%20music"));
        await().atMost(WAIT).until(() -> music.player(bob, "1").nowPlaying().paused());
        intents.deliver(IncomingIntent.view("roadie://say?q=skip"));
        await().atMost(WAIT).until(() -> bot().isEmpty());
    }

    @Test
    void shared_words_open_the_search_and_a_tap_queues_a_result() throws Exception {
        FxRobot robot = new FxRobot();
        pairByInvite(robot);

        intents.deliver(IncomingIntent.share("paper"));
        await().atMost(WAIT).until(() -> shown(robot, "#results").size() == 5);
        await().atMost(WAIT).until(() -> onFx(() -> robot.from(robot.lookup("#results").<Node>query()).lookup("#add")
                .tryQuery().isPresent()));
        robot.clickOn(robot.from(robot.lookup("#results").<Node>query()).lookup("#add").<Node>query());

        await().atMost(WAIT).until(() -> bot().equals(List.of("Paper Boats")));
    }

    @Test
    void the_queue_moves_and_removes_with_its_buttons() throws Exception {
        FxRobot robot = new FxRobot();
        pairByInvite(robot);
        for (String title : List.of("Playing", "A", "B", "C")) {
            bob.requestBlocking(PhoneMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Add("1", new Track(title, "X",
                    null, 200_000, "https://example.org/" + title, null, "test", null, true), null, QueuePosition.END,
                    "bob"), WAIT).orThrow();
        }
        robot.clickOn("#tabQueue");
        await().atMost(WAIT).until(() -> shown(robot, "#queue").equals(List.of("A", "B", "C")));
        Node queue = robot.lookup("#queue").query();

        robot.clickOn(robot.from(queue).lookup("#up").nth(2).<Node>query());
        await().atMost(WAIT).until(() -> bot().equals(List.of("Playing", "A", "C", "B")));
        robot.clickOn(robot.from(queue).lookup("#remove").nth(0).<Node>query());

        await().atMost(WAIT).until(() -> bot().equals(List.of("Playing", "C", "B")));
        await().atMost(WAIT).until(() -> shown(robot, "#queue").equals(List.of("C", "B")));
    }

    @Test
    void the_picker_switches_the_server_the_phone_plays_on() throws Exception {
        FxRobot robot = new FxRobot();
        pairByInvite(robot);

        robot.clickOn("#target");
        robot.clickOn("#guild-2");
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#target").tryQuery().map(target -> ((Button) target).getText()).orElse("")).equals("demo · Server 2"));
        intents.deliver(IncomingIntent.view("roadie://play?q=Origami%20Heart"));

        await().atMost(WAIT).until(() -> music.titles(bob, "2").equals(List.of("Origami Heart")));
        assertThat(bot()).isEmpty();
    }

    @Test
    void the_play_button_pauses_the_bot() throws Exception {
        FxRobot robot = new FxRobot();
        pairByInvite(robot);
        intents.deliver(IncomingIntent.view("roadie://play?q=Paper%20Boats"));
        await().atMost(WAIT).until(() -> text(robot, "#nowTitle").equals("Paper Boats"));

        robot.clickOn("#playPause");

        await().atMost(WAIT).until(() -> music.player(bob, "1").nowPlaying().paused());
    }

    @Test
    void a_tap_on_the_position_seeks_there() throws Exception {
        FxRobot robot = new FxRobot();
        pairByInvite(robot);
        intents.deliver(IncomingIntent.view("roadie://play?q=Folded%20Maps"));
        await().atMost(WAIT).until(() -> text(robot, "#nowTitle").equals("Folded Maps"));
        Node position = robot.lookup("#position").query();

        robot.clickOn(robot.point(position).atPosition(javafx.geometry.Pos.CENTER_RIGHT)
                .atOffset(new javafx.geometry.Point2D(-40, 0)));

        // 264 s long: a tap near the right end is well past the middle.
        await().atMost(WAIT).until(() -> music.player(bob, "1").nowPlaying().positionMs() > 150_000);
    }
}
