package dev.roadie.desktop;

import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.companion.pairing.PairedHub;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.roadie.desktop.integration.theme.PortalSettings;
import dev.roadie.desktop.settings.DesktopSettings;
import dev.roadie.desktop.settings.SettingsStore;
import dev.roadie.desktop.testing.LiveMusic;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The real app ({@link DesktopApp}, paired with a real hub and its stand-in bot) in a real X
 * display with a tray host ({@code trayer}) and a session bus: run by {@link DesktopIntegrationIT}
 * under {@code xvfb-run dbus-run-session}. It checks the MPRIS player with {@code playerctl}, the
 * tray icon's menu in what the bot does, a switch of the desktop (its portal) to dark, and that
 * Quit in the tray ends the app; it saves the whole screen, tray included, light and dark. Argument: the folder for the PNG. Exits 0 when all held.
 */
public final class IntegrationTour {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private IntegrationTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/screenshots"));
        Path data = Files.createTempDirectory("roadie-integration");
        // A panel under the window, as a desktop's: the screen is 1280x840, the window 1280x800 at the top.
        Process trayer = new ProcessBuilder("trayer", "--edge", "bottom", "--align", "right", "--widthtype", "request",
                "--height", "40", "--tint", "0x24292f", "--transparent", "true", "--alpha", "0")
                .redirectErrorStream(true).redirectOutput(data.resolve("trayer.log").toFile()).start();
        int status = 1;
        try (LiveMusic music = new LiveMusic(data.resolve("hub"))) {
            await("the tray host (trayer) to take the tray").atMost(WAIT).until(SystemTray::isSupported);
            Path settings = data.resolve("config").resolve("desktop.json");
            new SettingsStore(settings).save(DesktopSettings.EMPTY.paired(new PairedHub("http://127.0.0.1:" + music.hub.port(),
                    music.hub.token("alice-desktop", "desktop", "send:music-bot", "subscribe:player.*", "registry",
                            "search"), "alice@laptop (desktop)")));
            System.setProperty(DesktopApp.SETTINGS_PROPERTY, settings.toString());
            // The desktop portal, saying light until the tour switches the desktop to dark.
            DBusConnection desktop = DBusConnectionBuilder.forSessionBus().withShared(false).build();
            Portal portal = new Portal();
            desktop.requestBusName(PortalSettings.BUS_NAME);
            desktop.exportObject(PortalSettings.OBJECT_PATH, portal);
            Thread app = Thread.ofPlatform().name("desktop-app").start(() -> Application.launch(DesktopApp.class));

            await("the window").atMost(WAIT).until(() -> onFx(() -> stage()) != null);
            Stage stage = onFx(() -> stage());
            onFx(() -> {
                stage.setX(0);
                stage.setY(0);
                return null;
            });
            RoadieClient bob = music.companion();
            for (String[] t : new String[][] {{"Origami Heart", "Harbour Lights"}, {"Folded Maps", "North Window"}}) {
                bob.requestBlocking(LiveMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Add("1",
                        new Track(t[0], t[1], "Low Tide", 200_000, "https://example.org/" + t[0].replace(' ', '-'),
                                music.art.url(t[0].length() * 20), "deezer", null, true), null, QueuePosition.END,
                        "bob"), WAIT).orThrow();
            }

            await("the portal's light at start").atMost(WAIT).until(() -> onFx(() -> new PrimerLight()
                    .getUserAgentStylesheet().equals(Application.getUserAgentStylesheet())));

            // MPRIS, from the app itself.
            await("playerctl to read the title").atMost(WAIT).until(() -> playerctl("metadata", "title")
                    .equals("Origami Heart"));
            playerctl("play-pause");
            await("play-pause to pause the bot").atMost(WAIT).until(() -> botPlaying(music, bob).paused());
            playerctl("play-pause");
            await("play-pause to resume the bot").atMost(WAIT).until(() -> !botPlaying(music, bob).paused());
            say("MPRIS: playerctl reads the title, play-pause pauses and resumes the bot");

            // The tray icon and its menu.
            TrayIcon icon = onAwt(() -> SystemTray.getSystemTray().getTrayIcons().length == 1
                    ? SystemTray.getSystemTray().getTrayIcons()[0] : null);
            check(icon != null, "one icon in the tray");
            await("the icon's tip to name the track").atMost(WAIT).until(() -> onAwt(icon::getToolTip)
                    .equals("Roadie · Origami Heart — Harbour Lights"));
            choose(icon, "Pause");
            await("Pause in the tray to pause the bot").atMost(WAIT).until(() -> botPlaying(music, bob).paused());
            await("the menu to offer Play").atMost(WAIT).until(() -> item(icon, "Play") != null);
            choose(icon, "Play");
            await("Play in the tray to resume the bot").atMost(WAIT).until(() -> !botPlaying(music, bob).paused());
            choose(icon, "Next");
            await("Next in the tray to skip").atMost(WAIT).until(() -> "Folded Maps".equals(
                    botPlaying(music, bob).track().title()));
            await("the window to show the next track").atMost(WAIT).until(() -> playerctl("metadata", "title")
                    .equals("Folded Maps"));
            screenshot(out.resolve("tray-1280x840.png"));
            portal.scheme = 1;
            desktop.sendMessage(new PortalSettings.SettingChanged(PortalSettings.OBJECT_PATH, PortalSettings.APPEARANCE,
                    PortalSettings.COLOR_SCHEME, new Variant<>(new UInt32(1))));
            await("the desktop's switch to dark to reach the window").atMost(WAIT).until(() -> onFx(() ->
                    new PrimerDark().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet())));
            onFx(() -> null);
            screenshot(out.resolve("tray-dark-1280x840.png"));
            say("Theme: the desktop's switch to dark while running reaches the window");
            choose(icon, "Hide Roadie");
            await("Hide Roadie to hide the window").atMost(WAIT).until(() -> onFx(() -> !stage.isShowing()));
            check(app.isAlive(), "the app goes on with its window hidden");
            choose(icon, "Show Roadie");
            await("Show Roadie to show it again").atMost(WAIT).until(() -> onFx(stage::isShowing));
            say("Tray: the tip names the track; Pause, Play, Next reach the bot; Hide and Show the window");

            choose(icon, "Quit Roadie");
            app.join(WAIT.toMillis());
            check(!app.isAlive(), "Quit Roadie in the tray ends the app");
            check(onAwt(() -> SystemTray.getSystemTray().getTrayIcons().length) == 0, "the icon leaves the tray");
            say("Quit in the tray ends the app and takes the icon away");
            desktop.disconnect();
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            trayer.destroy();
        }
        System.exit(status);
    }

    /** The XDG desktop portal's settings, as GNOME's or KDE's portal offers them. */
    static final class Portal implements PortalSettings {
        volatile int scheme = 2;

        @Override
        public Variant<?> ReadOne(String namespace, String key) {
            return new Variant<>(new UInt32(scheme));
        }

        @Override
        public Variant<?> Read(String namespace, String key) {
            return new Variant<>(ReadOne(namespace, key), "v");
        }

        @Override
        public String getObjectPath() {
            return OBJECT_PATH;
        }
    }

    private static Stage stage() {
        return Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(s -> "Roadie".equals(s.getTitle())).findFirst().orElse(null);
    }

    private static PlayerEvent.NowPlaying botPlaying(LiveMusic music, RoadieClient bob) {
        return music.queueOf(bob, "1").nowPlaying();
    }

    private static MenuItem item(TrayIcon icon, String label) throws Exception {
        return onAwt(() -> {
            PopupMenu menu = icon.getPopupMenu();
            for (int i = 0; i < menu.getItemCount(); i++) {
                if (label.equals(menu.getItem(i).getLabel()) && menu.getItem(i).isEnabled()) {
                    return menu.getItem(i);
                }
            }
            return null;
        });
    }

    /** Chooses the menu's item as a click does: its listeners, on AWT's thread. */
    private static void choose(TrayIcon icon, String label) throws Exception {
        MenuItem item = item(icon, label);
        check(item != null, "the tray's menu offers " + label);
        onAwt(() -> {
            for (ActionListener listener : item.getActionListeners()) {
                listener.actionPerformed(new ActionEvent(item, ActionEvent.ACTION_PERFORMED, label));
            }
            return null;
        });
    }

    private static String playerctl(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "playerctl";
        command[1] = "-p";
        command[2] = "roadie";
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return printed;
    }

    private static void screenshot(Path file) throws Exception {
        Robot robot = new Robot();
        robot.waitForIdle();
        ImageIO.write(robot.createScreenCapture(new Rectangle(0, 0, 1280, 840)), "png", file.toFile());
        say("saved " + file);
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError("expected: " + what);
        }
    }

    private static void say(String line) {
        System.out.println("tour: " + line);
    }

    static <T> T onFx(Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        Platform.runLater(task);
        return task.get();
    }

    static <T> T onAwt(Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        EventQueue.invokeLater(task);
        return task.get();
    }
}
