package dev.roadie.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.mobile.intents.IncomingIntent;
import dev.roadie.mobile.platform.DesktopIncomingIntentsService;
import dev.roadie.mobile.remote.CommandRunner;
import dev.roadie.mobile.screens.PhoneShell;
import dev.roadie.mobile.storage.PhoneStore;
import dev.roadie.mobile.testing.PhoneMusic;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every screen at 390×844, light and dark, against a real hub with the stand-in bot, saved to
 * {@code target/screenshots/} (docs/MOBILE.md shows them).
 */
@ExtendWith(ApplicationExtension.class)
class PhoneScreenshotsTest {
    static final Duration WAIT = Clients.WAIT;
    static final Path OUT = Path.of("target", "screenshots");

    @TempDir
    Path data;
    PhoneMusic music;
    Stage stage;
    PhoneRoot root;
    final DesktopIncomingIntentsService intents = new DesktopIncomingIntentsService();
    final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        music = new PhoneMusic(data.resolve("hub"));
        Theme.apply(false);
        root = new PhoneRoot(new PhoneStore(data.resolve("phone")), intents, PhoneRoot::sdk, new HttpPairingApi("mobile"),
                background, "Carol's phone");
        Scene scene = new Scene(root, PhoneApp.WIDTH, PhoneApp.HEIGHT);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        onFx(() -> {
            root.close();
            Theme.apply(false);
            return null;
        });
        background.shutdownNow();
        music.close();
    }

    static <T> T onFx(Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        Platform.runLater(task);
        return task.get();
    }

    @Test
    void every_screen_is_saved_at_phone_size_in_light_and_dark() throws Exception {
        FxRobot robot = new FxRobot();
        Files.createDirectories(OUT);
        onFx(() -> {
            robot.lookup("#inviteHub").queryTextInputControl().setText(music.address().replace("http://", ""));
            return null;
        });
        save("pairing-light.png");
        onFx(() -> {
            Theme.apply(true);
            return null;
        });
        save("pairing-dark.png");
        onFx(() -> {
            Theme.apply(false);
            return null;
        });

        intents.deliver(IncomingIntent.view(music.invite()));
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#target").tryQuery().map(target -> ((Button) target).getText()).orElse("")).equals("demo · Server 1"));
        RoadieClient bob = music.companion();
        int hue = 0;
        for (String[] t : List.of(new String[] {"Origami Heart", "Harbour Lights", "Low Tide", "197"},
                new String[] {"Northern Lines", "Velvet Static", "Rooms", "243"},
                new String[] {"Folded Maps", "North Window", "Cartography", "264"},
                new String[] {"Tissue & Ink", "Les Étoiles", "Nuit", "176"},
                new String[] {"A Very Long Title That Has To Be Cut Somewhere Along The Way", "Marisol", "Atlântico", "231"},
                new String[] {"Paperweight", "Juniper Road", "Still Life", "188"})) {
            Track track = new Track(t[0], t[1], t[2], Integer.parseInt(t[3]) * 1000L, "https://example.org/" + hue,
                    music.art.url(hue), "deezer", null, true);
            hue += 55;
            bob.requestBlocking(PhoneMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Add("1", track, null,
                    QueuePosition.END, "bob"), WAIT).orThrow();
        }
        await().atMost(WAIT).until(() -> onFx(() -> ((Label) robot.lookup("#nowTitle").query()).getText()).equals("Origami Heart"));
        // Let the artwork load and the position move on.
        await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            onFx(() -> {
                Theme.apply(dark);
                return null;
            });
            show(robot, CommandRunner.Page.NOW_PLAYING);
            save("now-playing-" + theme + ".png");
            show(robot, CommandRunner.Page.QUEUE);
            save("queue-" + theme + ".png");
            show(robot, CommandRunner.Page.SEARCH);
            onFx(() -> {
                robot.lookup("#search").queryTextInputControl().setText("paper");
                robot.lookup("#search").queryTextInputControl().fireEvent(new javafx.event.ActionEvent());
                return null;
            });
            await().atMost(WAIT).until(() -> onFx(() -> ((ListView<?>) robot.lookup("#results").query()).getItems().size()) == 5);
            save("search-" + theme + ".png");
            show(robot, CommandRunner.Page.NOW_PLAYING);
            robot.clickOn("#target");
            save("picker-" + theme + ".png");
            robot.clickOn("#closePicker");
        }
        intents.deliver(IncomingIntent.view("roadie://queue?q=Folded%20Maps"));
        await().atMost(WAIT).until(() -> onFx(() -> ((Label) robot.lookup("#toast").query()).getText()).startsWith("Queued"));
        save("shared-dark.png");

        for (String name : List.of("pairing-light.png", "pairing-dark.png", "now-playing-light.png", "now-playing-dark.png", "queue-light.png",
                "queue-dark.png", "search-light.png", "search-dark.png", "picker-light.png", "picker-dark.png")) {
            BufferedImage image = ImageIO.read(OUT.resolve(name).toFile());
            assertThat(image.getWidth()).as(name).isEqualTo(390);
            assertThat(image.getHeight()).as(name).isEqualTo(844);
        }
    }

    private void show(FxRobot robot, CommandRunner.Page page) throws Exception {
        onFx(() -> {
            ((PhoneShell) robot.lookup(".phone").query()).show(page);
            return null;
        });
    }

    private void save(String name) throws Exception {
        // Two pulses, so that layout and CSS have settled before the picture.
        for (int i = 0; i < 3; i++) {
            onFx(() -> null);
            await().pollDelay(Duration.ofMillis(150)).atMost(WAIT).until(() -> true);
        }
        WritableImage shot = onFx(() -> stage.getScene().snapshot(null));
        PixelReader pixels = shot.getPixelReader();
        BufferedImage image = new BufferedImage((int) shot.getWidth(), (int) shot.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(image, "png", OUT.resolve(name).toFile());
    }

}
