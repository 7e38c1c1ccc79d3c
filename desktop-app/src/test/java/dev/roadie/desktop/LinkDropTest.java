package dev.roadie.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.desktop.testing.LiveMusic;
import dev.roadie.model.music.Track;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A link dragged from a browser and dropped on the window, on Monocle against a real hub (its
 * link resolution asking a fixture YouTube oEmbed) and the stand-in bot. The drag starts on a
 * label in the same window standing in for the browser's link: it puts what a browser puts on
 * the dragboard ({@code text/uri-list}, or plain text only), and Monocle carries it through a
 * real drag gesture to the drop.
 */
@ExtendWith(ApplicationExtension.class)
class LinkDropTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String LINK = "https://www.youtube.com/watch?v=pb0001";

    @TempDir
    static Path data;
    LiveMusic music;
    RoadieClient bob;
    /** What the browser stand-in puts on the dragboard. */
    final AtomicReference<ClipboardContent> dragged = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        music = new LiveMusic(data.resolve("hub-" + System.nanoTime()));
        bob = music.companion();
        Theme.apply(false);
        Label browserLink = new Label("A link in a browser");
        browserLink.setId("browserLink");
        browserLink.setOnDragDetected(e -> {
            browserLink.startDragAndDrop(TransferMode.COPY, TransferMode.LINK).setContent(dragged.get());
            e.consume();
        });
        Node main = Screens.main(music.desktop, "alice", () -> { });
        VBox.setVgrow(main, Priority.ALWAYS);
        Scene scene = new Scene(new VBox(browserLink, main), 1280, 800);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        music.close();
    }

    List<String> shown(FxRobot robot, String list) throws Exception {
        return MainViewTest.onFx(() -> robot.lookup(list).queryListView().getItems().stream()
                .map(t -> ((Track) t).title()).toList());
    }

    String text(FxRobot robot, String id) throws Exception {
        return MainViewTest.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    List<String> botHolds() {
        var queue = music.queueOf(bob, "1");
        return java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(queue.nowPlaying().track()),
                queue.queue().stream()).map(Track::title).toList();
    }

    void previewedThenQueuedWithEnter(FxRobot robot) throws Exception {
        await().atMost(WAIT).until(() -> shown(robot, "#results").equals(List.of(LiveMusic.LINKED_TITLE)));
        assertThat(text(robot, "#searchStatus")).isEqualTo("The link is “" + LiveMusic.LINKED_TITLE
                + "” by Harbour Lights: press Enter to queue it");
        assertThat(MainViewTest.onFx(() -> robot.lookup("#search").queryTextInputControl().getText())).isEqualTo(LINK);
        assertThat(botHolds()).as("nothing is queued before Enter").isEmpty();
        assertThat(MainViewTest.onFx(() -> robot.lookup("#dropHint").query().isVisible())).isFalse();

        robot.type(KeyCode.ENTER);

        await().atMost(WAIT).until(() -> botHolds().equals(List.of(LiveMusic.LINKED_TITLE)));
    }

    @Test
    void a_link_dropped_as_a_uri_list_on_the_queue_is_read_shown_and_queued_with_enter() throws Exception {
        FxRobot robot = new FxRobot();
        await().atMost(WAIT).until(() -> MainViewTest.onFx(() -> robot.lookup("#guild").queryComboBox().getValue()) != null);
        ClipboardContent content = new ClipboardContent();
        content.putUrl("# dragged from a browser tab\r\n" + LINK + "\r\n");
        dragged.set(content);

        robot.drag("#browserLink").dropTo("#queue");

        previewedThenQueuedWithEnter(robot);
    }

    @Test
    void a_link_dropped_as_plain_text_on_the_results_is_read_too() throws Exception {
        FxRobot robot = new FxRobot();
        await().atMost(WAIT).until(() -> MainViewTest.onFx(() -> robot.lookup("#guild").queryComboBox().getValue()) != null);
        ClipboardContent content = new ClipboardContent();
        content.putString("listen to this: " + LINK + " (so good)");
        dragged.set(content);

        robot.drag("#browserLink").dropTo("#results");

        previewedThenQueuedWithEnter(robot);
    }

    @Test
    void text_without_a_link_is_not_taken() throws Exception {
        FxRobot robot = new FxRobot();
        ClipboardContent content = new ClipboardContent();
        content.putString("just words");
        dragged.set(content);

        robot.drag("#browserLink").dropTo("#results");

        assertThat(MainViewTest.onFx(() -> robot.lookup("#search").queryTextInputControl().getText())).isEmpty();
        assertThat(MainViewTest.onFx(() -> robot.lookup("#dropHint").query().isVisible())).isFalse();
    }
}
