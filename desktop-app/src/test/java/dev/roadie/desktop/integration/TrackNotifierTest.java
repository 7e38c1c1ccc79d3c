package dev.roadie.desktop.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.desktop.integration.notify.Notifications;
import dev.roadie.desktop.integration.notify.TrackNotifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications on track change, shown by a notification server the test offers on a real
 * session bus, for tracks a real hub's stand-in bot plays.
 */
class TrackNotifierTest {
    static final Duration WAIT = Clients.WAIT;

    @TempDir
    Path data;
    LivePlayer live;
    TestBus bus;
    final Server server = new Server();
    final SimpleBooleanProperty enabled = new SimpleBooleanProperty(true);
    final SimpleBooleanProperty focused = new SimpleBooleanProperty(false);
    final ExecutorService background = Executors.newSingleThreadExecutor();
    TrackNotifier notifier;

    /** What a notification server got: summary, body, the id it replaces. */
    record Shown(String summary, String body, long replaces, long id) {
    }

    /** The desktop's notification server, as GNOME Shell or dunst offer it. */
    static final class Server implements Notifications {
        final BlockingQueue<Shown> shown = new LinkedBlockingQueue<>();
        final AtomicInteger ids = new AtomicInteger(40);

        @Override
        public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
            long id = replacesId.longValue() != 0 ? replacesId.longValue() : ids.incrementAndGet();
            shown.add(new Shown(summary, body, replacesId.longValue(), id));
            return new UInt32(id);
        }

        @Override
        public String getObjectPath() {
            return OBJECT_PATH;
        }

        Shown next() throws InterruptedException {
            Shown next = shown.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(next).as("a notification within %s", WAIT).isNotNull();
            return next;
        }
    }

    @BeforeEach
    void start() throws Exception {
        live = new LivePlayer(data.resolve("hub"));
        bus = new TestBus(data.resolve("bus"));
        DBusConnection desktop = bus.connect();
        desktop.requestBusName(Notifications.BUS_NAME);
        desktop.exportObject(Notifications.OBJECT_PATH, server);
        notifier = new TrackNotifier(bus.connect(), background, enabled, focused);
        live.onUi(() -> {
            notifier.follow(live.player);
            return null;
        });
    }

    @AfterEach
    void stop() {
        notifier.close();
        live.close();
        background.shutdownNow();
        bus.close();
    }

    @Test
    void each_new_track_is_notified_with_its_artist_and_replaces_the_one_before() throws Exception {
        live.add(LivePlayer.track("Paper Boats", "Harbour Lights", 202_000));
        live.add(LivePlayer.track("Folded Maps", "North Window", 264_000));

        Shown first = server.next();
        assertThat(first.summary()).isEqualTo("Paper Boats");
        assertThat(first.body()).isEqualTo("Harbour Lights");
        assertThat(first.replaces()).isZero();

        live.skip();
        Shown second = server.next();
        assertThat(second.summary()).isEqualTo("Folded Maps");
        assertThat(second.body()).isEqualTo("North Window");
        assertThat(second.replaces()).isEqualTo(first.id());
    }

    @Test
    void nothing_is_notified_when_turned_off_or_while_the_window_has_the_focus() throws Exception {
        live.onUi(() -> {
            enabled.set(false);
            return null;
        });
        live.add(LivePlayer.track("Paper Boats", "Harbour Lights", 202_000));
        live.add(LivePlayer.track("Folded Maps", "North Window", 264_000));
        live.add(LivePlayer.track("Origami Heart", "Harbour Lights", 197_000));
        live.add(LivePlayer.track("Paperweight", "Juniper Road", 188_000));
        await().atMost(WAIT).until(() -> "Paper Boats".equals(
                live.onUi(() -> live.player.nowPlaying().get() == null ? null : live.player.nowPlaying().get().title())));

        live.skip();                                                    // Folded Maps: off
        await().atMost(WAIT).until(() -> "Folded Maps".equals(
                live.onUi(() -> live.player.nowPlaying().get().title())));
        live.onUi(() -> {
            enabled.set(true);
            focused.set(true);
            return null;
        });
        live.skip();                                                    // Origami Heart: the window has the focus
        await().atMost(WAIT).until(() -> "Origami Heart".equals(
                live.onUi(() -> live.player.nowPlaying().get().title())));
        live.onUi(() -> {
            focused.set(false);
            return null;
        });
        live.skip();                                                    // Paperweight: shown

        // The first notification that comes is the last track's: none came before it.
        assertThat(server.next().summary()).isEqualTo("Paperweight");
    }
}
