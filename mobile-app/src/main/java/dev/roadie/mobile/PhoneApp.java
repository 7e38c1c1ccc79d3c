package dev.roadie.mobile;

import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.mobile.platform.IncomingIntentsService;
import dev.roadie.mobile.platform.DesktopIncomingIntentsService;
import dev.roadie.mobile.storage.PhoneStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone app. On a phone the window is the screen; on the desktop ({@code gluonfx:run}) it is
 * a 390×844 window, an iPhone 14's points, with intents from the command line.
 */
public final class PhoneApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(PhoneApp.class);
    static final double WIDTH = 390;
    static final double HEIGHT = 844;
    /** A smoke start (the gluonfx:run check, docs/MOBILE.md): save the first screen there, then quit. */
    static final String SMOKE = "ROADIE_PHONE_SMOKE_SCREENSHOT";

    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("roadie-pairing").daemon().factory());
    private PhoneRoot root;
    private IncomingIntentsService intents;

    @Override
    public void start(Stage stage) {
        Theme.apply(Theme.dark(System.getenv()));
        intents = IncomingIntentsService.create().orElseGet(() -> {
            log.warn("Intents cannot reach the app on this platform yet: voice, shares and links are not handled");
            return IncomingIntentsService.none();
        });
        if (intents instanceof DesktopIncomingIntentsService desktop) {
            desktop.deliver(getParameters().getRaw());
        }
        root = new PhoneRoot(PhoneStore.privateStorage(), intents, PhoneRoot::sdk, new HttpPairingApi("mobile"),
                background, deviceName());
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setTitle("Roadie");
        stage.setScene(scene);
        stage.setOnShown(e -> logStartUp());
        stage.show();
        String smoke = System.getenv(SMOKE);
        if (smoke != null && !smoke.isBlank()) {
            Screenshot.saveThenQuit(scene, java.nio.file.Path.of(smoke));
        }
    }

    private static String deviceName() {
        String user = System.getProperty("user.name", "");
        return (user.isBlank() || user.equals("root") ? "My" : user + "'s") + " phone";
    }

    private static void logStartUp() {
        // Process start to the first frame: the figure docs/PERFORMANCE.md reports.
        ProcessHandle.current().info().startInstant().ifPresent(started -> javafx.application.Platform.runLater(() ->
                log.info("First frame shown {} ms after the process started; {} MB of heap in use{}",
                        Duration.between(started, Instant.now()).toMillis(),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, residentMemory())));
    }

    /** The process's resident memory, where Linux tells it (the desktop run, Android). */
    private static String residentMemory() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> ", " + (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MB resident").orElse("");
        } catch (java.io.IOException | NumberFormatException e) {
            log.debug("No resident memory figure on this system", e);
            return "";
        }
    }

    @Override
    public void stop() {
        intents.close();
        root.close();
        background.shutdownNow();
    }
}
