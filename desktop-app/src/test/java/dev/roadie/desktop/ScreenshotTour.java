package dev.roadie.desktop;

import dev.roadie.companion.pairing.HubAddress;
import dev.roadie.companion.pairing.PairingFailedException;

import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.companion.pairing.PairingApi;
import dev.roadie.companion.pairing.PairingStart;
import dev.roadie.companion.pairing.PollAnswer;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.desktop.hubs.HubMenu;
import dev.roadie.desktop.hubs.HubsViewModel;
import dev.roadie.desktop.settings.DesktopSettings;
import dev.roadie.desktop.settings.SettingsStore;
import dev.roadie.desktop.testing.LiveMusic;
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
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.control.MenuButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Shows each screen in a real window against a real hub and the stand-in bot, and saves a
 * screenshot of each: run by {@link ScreenshotsIT} under Xvfb, or by hand on a desktop
 * ({@code docs/DESKTOP.md}). Argument: the folder for the PNGs.
 */
public final class ScreenshotTour {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("roadie-screenshots");
        Platform.startup(() -> { });
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
        try (LiveMusic music = new LiveMusic(data)) {
            // The pairing screen, showing the code a real hub gave.
            Stage stage = onFx(() -> {
                Stage s = new Stage();
                s.setTitle("Roadie");
                return s;
            });
            PairingApi slowApproval = new PairingApi() {
                private final HttpPairingApi http = new HttpPairingApi();

                @Override
                public PairingStart start(dev.roadie.companion.pairing.HubAddress hub, String name, String platform)
                        throws dev.roadie.companion.pairing.PairingFailedException {
                    return http.start(hub, name, platform);
                }

                @Override
                public PollAnswer poll(dev.roadie.companion.pairing.HubAddress hub, String code) {
                    return new PollAnswer.Pending(false);
                }
            };
            Parent pairing = onFx(() -> Screens.pairing(slowApproval, background, "alice@laptop (desktop)", s -> { }));
            show(stage, pairing, 1280, 800, false);
            onFx(() -> {
                ((TextField) pairing.lookup("#hubAddress")).setText("127.0.0.1:" + music.hub.port());
                return null;
            });
            save(stage, out.resolve("pairing-address-1280x800.png"));
            onFx(() -> {
                ((javafx.scene.control.Button) pairing.lookup("#pair")).fire();
                return null;
            });
            await().atMost(WAIT).until(() -> onFx(() -> !((javafx.scene.control.Label) pairing.lookup("#userCode")).getText().isEmpty()));
            settle(stage);
            save(stage, out.resolve("pairing-code-1280x800.png"));
            show(stage, onFx(() -> Screens.pairing(slowApproval, background, "alice@laptop (desktop)", null, () -> { },
                    p -> { })), 1280, 800, false);
            settle(stage);
            save(stage, out.resolve("pairing-another-1280x800.png"));

            // The main window with a queue, something playing, and a search.
            RoadieClient bob = music.companion();
            int hue = 0;
            for (String[] t : List.of(new String[] {"Origami Heart", "Harbour Lights", "Low Tide"},
                    new String[] {"Northern Lines", "Velvet Static", "Rooms"},
                    new String[] {"Folded Maps", "North Window", "Cartography"},
                    new String[] {"A Very Long Title That Has To Be Cut Somewhere Along The Way", "Les Étoiles", "Nuit"})) {
                Track track = new Track(t[0], t[1], t[2], 180_000 + hue * 500L, "https://example.org/" + hue,
                        music.art.url(hue), "deezer", null, true);
                hue += 80;
                bob.requestBlocking(LiveMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Add("1", track, null,
                        QueuePosition.END, "bob"), WAIT);
            }
            // Two paired hubs for the hub menu; only the first is connected to.
            SettingsStore hubsFile = new SettingsStore(data.resolve("desktop.json"));
            hubsFile.save(DesktopSettings.EMPTY.paired(new PairedHub(music.address(), "rd_unused", "alice"))
                    .paired(new PairedHub("https://club.example.org:7443", "rd_unused", "alice")).using(music.address()));
            HubsViewModel hubs = new HubsViewModel(hubsFile, new HubsViewModel.Screens() {
                @Override
                public void main(PairedHub hub) {
                }

                @Override
                public void pairing(String address, Runnable back) {
                }
            });
            onFx(() -> {
                hubs.start();
                return null;
            });
            Parent main = onFx(() -> Screens.main(music.desktop, "alice", () -> { }, new HubMenu(hubs)));
            show(stage, main, 1280, 800, false);
            await().atMost(WAIT).until(() -> onFx(() -> ((ListView<?>) main.lookup("#queue")).getItems().size() == 3));
            onFx(() -> {
                ((TextField) main.lookup("#search")).setText("paper");
                return null;
            });
            await().atMost(WAIT).until(() -> onFx(() -> ((ListView<?>) main.lookup("#results")).getItems().size() == 8));
            settle(stage);
            save(stage, out.resolve("main-1280x800.png"));
            // The menu is a window of its own, which a snapshot of the scene leaves out: the screen is captured.
            onFx(() -> {
                ((MenuButton) main.lookup("#hubs")).show();
                return null;
            });
            settle(stage);
            capture(stage, out.resolve("hubs-menu-1280x800.png"));
            onFx(() -> {
                ((MenuButton) main.lookup("#hubs")).hide();
                return null;
            });
            // A link dragged over the window from a browser.
            onFx(() -> {
                main.lookup("#dropHint").setVisible(true);
                return null;
            });
            settle(stage);
            save(stage, out.resolve("main-drop-1280x800.png"));
            onFx(() -> {
                main.lookup("#dropHint").setVisible(false);
                return null;
            });
            resize(stage, 720, 520);
            settle(stage);
            save(stage, out.resolve("main-720x520.png"));
            show(stage, onFx(() -> Screens.main(music.desktop, "alice", () -> { }, new HubMenu(hubs))), 1280, 800, true);
            Parent dark = onFx(() -> stage.getScene().getRoot());
            onFx(() -> {
                ((TextField) dark.lookup("#search")).setText("paper");
                return null;
            });
            await().atMost(WAIT).until(() -> onFx(() -> ((ListView<?>) dark.lookup("#results")).getItems().size() == 8));
            settle(stage);
            save(stage, out.resolve("main-dark-1280x800.png"));
        } finally {
            background.shutdownNow();
            Platform.exit();
        }
        System.exit(0);
    }

    private static void show(Stage stage, Parent root, int width, int height, boolean dark) throws Exception {
        onFx(() -> {
            Theme.apply(dark);
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
            stage.show();
            return null;
        });
    }

    private static void resize(Stage stage, int width, int height) throws Exception {
        onFx(() -> {
            Parent root = stage.getScene().getRoot();
            stage.getScene().setRoot(new javafx.scene.layout.Pane());
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
            stage.sizeToScene();
            return null;
        });
    }

    /** Waits for every picture in the window to load (or fail), then for a few frames. */
    private static void settle(Stage stage) throws Exception {
        await().atMost(WAIT).until(() -> onFx(() -> stage.getScene().getRoot().lookupAll("*").stream()
                .filter(ImageView.class::isInstance).map(n -> ((ImageView) n).getImage())
                .allMatch(image -> image == null || image.getProgress() >= 1.0 || image.isError())));
        for (int i = 0; i < 5; i++) {
            onFx(() -> null);
        }
    }

    private static void save(Stage stage, Path file) throws Exception {
        WritableImage image = onFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return stage.getScene().snapshot(null);
        });
        write(image, file);
    }

    private static void write(WritableImage image, Path file) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
        System.out.println("saved " + file + " " + width + "x" + height);
    }

    /** What the screen shows over the window's scene, popups included. */
    private static void capture(Stage stage, Path file) throws Exception {
        WritableImage image = onFx(() -> new Robot().getScreenCapture(null, stage.getX() + stage.getScene().getX(),
                stage.getY() + stage.getScene().getY(), stage.getScene().getWidth(), stage.getScene().getHeight(), false));
        write(image, file);
    }

    static <T> T onFx(Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        Platform.runLater(task);
        return task.get();
    }
}
