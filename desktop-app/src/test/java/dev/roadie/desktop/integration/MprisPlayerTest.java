package dev.roadie.desktop.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.desktop.integration.mpris.MprisPlayer;
import dev.roadie.desktop.testing.LiveMusic;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import dev.roadie.model.wire.Address;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as an MPRIS player, checked with the real {@code playerctl} on a real session bus,
 * against a real hub and the stand-in bot: what the bot holds is the proof.
 */
class MprisPlayerTest {
    static final Duration WAIT = Clients.WAIT;

    @TempDir
    Path data;
    LivePlayer live;
    TestBus bus;
    MprisPlayer mpris;
    final AtomicInteger raised = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        live = new LivePlayer(data.resolve("hub"));
        bus = new TestBus(data.resolve("bus"));
        mpris = MprisPlayer.export(bus.connect(), live.ui, raised::incrementAndGet, () -> { });
        live.onUi(() -> {
            mpris.follow(live.player);
            return null;
        });
    }

    @AfterEach
    void stop() throws Exception {
        live.onUi(() -> {
            mpris.close();
            return null;
        });
        live.close();
        bus.close();
    }

    static Track track(String title, String artist, long ms) {
        return LivePlayer.track(title, artist, ms);
    }

    void add(Track track) {
        live.add(track);
    }

    PlayerEvent.NowPlaying botPlaying() {
        return live.botPlaying();
    }

    @Test
    void playerctl_lists_the_app_and_reads_what_plays() {
        add(track("Paper Boats", "Harbour Lights", 202_000));

        assertThat(bus.playerctl("-l")).isEqualTo("roadie");
        await().atMost(WAIT).until(() -> bus.playerctl("metadata", "title").equals("Paper Boats"));
        assertThat(bus.playerctl("metadata", "artist")).isEqualTo("Harbour Lights");
        assertThat(bus.playerctl("metadata", "album")).isEqualTo("Low Tide");
        assertThat(bus.playerctl("metadata", "mpris:length")).isEqualTo("202000000");
        assertThat(bus.playerctl("metadata", "mpris:artUrl")).isEqualTo("https://example.org/art/Paper-Boats.jpg");
        assertThat(bus.playerctl("metadata", "mpris:trackid")).contains("/dev/roadie/track/t");
        assertThat(bus.playerctl("status")).isEqualTo("Playing");
        assertThat(bus.playerctl("volume")).isEqualTo("1.000000");
        assertThat(Double.parseDouble(bus.playerctl("position"))).isBetween(0.0, 202.0);
    }

    @Test
    void nothing_playing_is_stopped() {
        await().atMost(WAIT).until(() -> bus.playerctl("status").equals("Stopped"));
    }

    @Test
    void play_pause_pauses_the_bot_and_resumes_it() {
        add(track("Paper Boats", "Harbour Lights", 202_000));
        await().atMost(WAIT).until(() -> bus.playerctl("status").equals("Playing"));

        bus.playerctl("play-pause");
        await().atMost(WAIT).until(() -> botPlaying().paused());
        await().atMost(WAIT).until(() -> bus.playerctl("status").equals("Paused"));

        bus.playerctl("play");
        await().atMost(WAIT).until(() -> !botPlaying().paused());
        bus.playerctl("pause");
        await().atMost(WAIT).until(() -> botPlaying().paused());
    }

    @Test
    void next_skips_to_the_next_track_in_the_bot() {
        add(track("Paper Boats", "Harbour Lights", 202_000));
        add(track("Folded Maps", "North Window", 264_000));
        await().atMost(WAIT).until(() -> bus.playerctl("metadata", "title").equals("Paper Boats"));

        bus.playerctl("next");

        await().atMost(WAIT).until(() -> "Folded Maps".equals(botPlaying().track().title()));
        await().atMost(WAIT).until(() -> bus.playerctl("metadata", "title").equals("Folded Maps"));
    }

    @Test
    void position_volume_loop_and_stop_set_over_mpris_reach_the_bot() {
        add(track("Paper Boats", "Harbour Lights", 202_000));
        await().atMost(WAIT).until(() -> bus.playerctl("status").equals("Playing"));

        bus.playerctl("position", "120");
        await().atMost(WAIT).until(() -> botPlaying().positionMs() >= 120_000);
        bus.playerctl("volume", "0.5");
        await().atMost(WAIT).until(() -> botPlaying().volume() == 50);
        await().atMost(WAIT).until(() -> bus.playerctl("volume").equals("0.500000"));

        bus.playerctl("loop", "Track");
        await().atMost(WAIT).until(() -> botPlaying().repeat() == RepeatMode.ONE);
        await().atMost(WAIT).until(() -> bus.playerctl("loop").equals("Track"));

        bus.playerctl("stop");
        await().atMost(WAIT).until(() -> botPlaying().track() == null);
    }

    @Test
    void a_change_made_elsewhere_is_announced_to_followers() throws Exception {
        add(track("Paper Boats", "Harbour Lights", 202_000));
        add(track("Folded Maps", "North Window", 264_000));
        Process follow = bus.process("playerctl", "-p", "roadie", "metadata", "--follow", "title").start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(follow.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        try {
            assertThat(lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("Paper Boats");

            // Another companion skips: only the PropertiesChanged signal tells playerctl.
            live.skip();

            String next = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            while ("Paper Boats".equals(next)) {
                next = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            assertThat(next).isEqualTo("Folded Maps");
        } finally {
            follow.destroy();
        }
    }

    @Test
    void a_seek_made_elsewhere_is_announced_as_seeked() throws Exception {
        add(track("Paper Boats", "Harbour Lights", 202_000));
        await().atMost(WAIT).until(() -> bus.playerctl("status").equals("Playing"));
        Process follow = bus.process("playerctl", "-p", "roadie", "position", "--follow").start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(follow.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        try {
            assertThat(lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the position at first").isNotNull();

            // Another companion seeks: only the Seeked signal tells playerctl.
            live.bob.requestBlocking(LiveMusic.BOT, PlayerCommand.SUBJECT, new PlayerCommand.Seek("1", 150_000), WAIT)
                    .orThrow();

            String line;
            do {
                line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(line).as("a position of 150 s or more within %s", WAIT).isNotNull();
            } while (Double.parseDouble(line) < 150);
        } finally {
            follow.destroy();
        }
    }

    @Test
    void a_bot_event_that_changes_the_track_pause_volume_and_loop_is_announced_once() throws Exception {
        add(track("Paper Boats", "Harbour Lights", 202_000));
        await().atMost(WAIT).until(() -> bus.playerctl("status").equals("Playing"));
        List<Map<String, Variant<?>>> announced = new CopyOnWriteArrayList<>();
        AutoCloseable watching = bus.connect().addSigHandler(Properties.PropertiesChanged.class, signal -> {
            if (signal.getPath().equals("/org/mpris/MediaPlayer2")) {
                announced.add(signal.getPropertiesChanged());
            }
        });
        // Events as a bot publishes them on player.1, through the hub; each volume is a marker.
        RoadieClient bot = live.music.clients.connect(live.music.hub, "other", "music-bot", "publish:player.*");
        Track paperBoats = botPlaying().track();
        publish(bot, new PlayerEvent.NowPlaying("1", paperBoats, 1_000, Instant.now(), false, 70, RepeatMode.OFF));
        await().atMost(WAIT).until(() -> announced.stream().anyMatch(changed -> volume(changed) == 0.7));
        announced.clear();

        publish(bot, new PlayerEvent.NowPlaying("1", track("Folded Maps", "North Window", 264_000), 0, Instant.now(), true,
                50, RepeatMode.ONE));
        publish(bot, new PlayerEvent.NowPlaying("1", track("Folded Maps", "North Window", 264_000), 0, Instant.now(), true,
                60, RepeatMode.ONE));
        await().atMost(WAIT).until(() -> announced.stream().anyMatch(changed -> volume(changed) == 0.6));

        assertThat(announced).as("one PropertiesChanged for the event, one for the marker after it").hasSize(2);
        assertThat(announced.getFirst()).containsKeys("Metadata", "PlaybackStatus", "Volume", "LoopStatus");
        assertThat(announced.getFirst().get("PlaybackStatus").getValue()).isEqualTo("Paused");
        watching.close();
    }

    static void publish(RoadieClient bot, PlayerEvent event) {
        bot.send(Address.topic(PlayerEvent.topic(event.guild())), PlayerEvent.SUBJECT, event).join();
    }

    static double volume(Map<String, Variant<?>> changed) {
        return changed.get("Volume") == null ? -1 : (Double) changed.get("Volume").getValue();
    }

    @Test
    void raise_shows_the_window() throws Exception {
        Process raise = bus.process("dbus-send", "--session", "--print-reply", "--dest=" + MprisPlayer.BUS_NAME,
                "/org/mpris/MediaPlayer2", "org.mpris.MediaPlayer2.Raise").start();
        assertThat(raise.waitFor(10, TimeUnit.SECONDS)).isTrue();

        await().atMost(WAIT).until(() -> raised.get() == 1);
    }
}
