package dev.roadie.desktop.integration.tray;

import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.model.music.Track;
import java.awt.AWTException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The icon in the desktop's tray (AWT's {@link SystemTray}, where the desktop has a tray host):
 * pause or play, next, show or hide the window, quit. Its menu runs on AWT's thread and hands
 * each choice to the UI thread; what it shows follows the player from the UI thread.
 */
public final class TrayControls implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrayControls.class);

    private final Executor ui;
    private final TrayIcon icon;
    private final MenuItem playPause = new MenuItem("Pause");
    private final MenuItem next = new MenuItem("Next");
    private final MenuItem showHide = new MenuItem("Hide Roadie");
    private final MenuItem quit = new MenuItem("Quit Roadie");
    /** Touched on the UI thread only. */
    private PlayerViewModel player;
    private Subscription following = Subscription.EMPTY;

    /** What the tray does to the window. */
    public interface Window {
        ObservableBooleanValue showing();

        void show();

        void hide();

        void quit();
    }

    private TrayControls(Executor ui, Window window) {
        this.ui = ui;
        PopupMenu menu = new PopupMenu();
        menu.add(playPause);
        menu.add(next);
        menu.addSeparator();
        menu.add(showHide);
        menu.add(quit);
        icon = new TrayIcon(picture(), "Roadie", menu);
        icon.setImageAutoSize(true);
        playPause.addActionListener(e -> command(PlayerViewModel::pauseOrResume));
        next.addActionListener(e -> command(PlayerViewModel::skip));
        Runnable toggle = () -> ui.execute(() -> {
            if (window.showing().get()) {
                window.hide();
            } else {
                window.show();
            }
        });
        showHide.addActionListener(e -> toggle.run());
        icon.addActionListener(e -> toggle.run());          // a double click on the icon
        quit.addActionListener(e -> ui.execute(window::quit));
        window.showing().subscribe(showing -> EventQueue.invokeLater(() ->
                showHide.setLabel(showing ? "Hide Roadie" : "Show Roadie")));
        follow(null);
    }

    /**
     * Loads AWT's toolkit and asks for a tray (a few hundred milliseconds the first time): done
     * ahead, off the UI thread, so that {@link #install} is quick.
     */
    public static boolean supported() {
        return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
    }

    /**
     * Puts the icon in the tray, or says in one line why there is none (no tray host: a bare
     * window manager, Xvfb; GNOME without its AppIndicator extension).
     */
    public static Optional<TrayControls> install(Executor ui, Window window) {
        if (!supported()) {
            log.info("No system tray on this desktop: no tray icon (the window, media keys and playerctl still work)");
            return Optional.empty();
        }
        TrayControls controls = new TrayControls(ui, window);
        try {
            SystemTray.getSystemTray().add(controls.icon);
            return Optional.of(controls);
        } catch (AWTException e) {
            log.info("The system tray refused the icon ({}): no tray icon", e.getMessage());
            return Optional.empty();
        }
    }

    /** The icon in the tray (for the tests). */
    public TrayIcon icon() {
        return icon;
    }

    /** Follows the player of a new main window, or none; on the UI thread. */
    public void follow(PlayerViewModel now) {
        following.unsubscribe();
        player = now;
        if (now == null) {
            following = Subscription.EMPTY;
            shown(null, false);
            return;
        }
        following = follow(now, this::shown);
    }

    /** Calls {@code shown} with what plays and whether it is paused: now, then once per event of the player. */
    static Subscription follow(PlayerViewModel player, BiConsumer<Track, Boolean> shown) {
        return player.updates().subscribe(count -> shown.accept(player.nowPlaying().get(), player.paused().get()));
    }

    private void shown(Track track, boolean paused) {
        String tip = track == null ? "Roadie" : "Roadie · " + track.title()
                + (track.artist() == null ? "" : " — " + track.artist());
        EventQueue.invokeLater(() -> {
            playPause.setLabel(paused ? "Play" : "Pause");
            playPause.setEnabled(track != null);
            next.setEnabled(track != null);
            icon.setToolTip(tip);
        });
    }

    private void command(Consumer<PlayerViewModel> command) {
        ui.execute(() -> {
            if (player != null) {
                command.accept(player);
            }
        });
    }

    /** The app's mark, drawn: a note on the accent colour, readable at tray sizes (16 to 48). */
    private static Image picture() {
        int size = 64;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x09, 0x69, 0xda));
        g.fill(new RoundRectangle2D.Double(2, 2, size - 4, size - 4, 18, 18));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(14, 38, 18, 14));
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(30, 44, 30, 14);
        Path2D flag = new Path2D.Double();
        flag.moveTo(30, 14);
        flag.curveTo(38, 16, 46, 22, 44, 32);
        g.draw(flag);
        g.dispose();
        return image;
    }

    @Override
    public void close() {
        following.unsubscribe();
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
