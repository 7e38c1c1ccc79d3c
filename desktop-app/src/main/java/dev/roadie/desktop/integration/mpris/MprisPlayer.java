package dev.roadie.desktop.integration.mpris;

import dev.roadie.companion.remote.PlayerViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.util.Subscription;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app as an MPRIS player on the session bus ({@code org.mpris.MediaPlayer2.roadie}),
 * driven by the {@link PlayerViewModel} it follows: D-Bus calls come on D-Bus threads and are
 * handed to the UI thread, where the ViewModel lives; changes go out as
 * {@code PropertiesChanged} (and {@code Seeked} when the position jumps).
 */
public final class MprisPlayer implements MediaPlayer2, MediaPlayer2Player, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MprisPlayer.class);
    public static final String BUS_NAME = "org.mpris.MediaPlayer2.roadie";
    static final String OBJECT_PATH = "/org/mpris/MediaPlayer2";
    private static final String PLAYER_INTERFACE = "org.mpris.MediaPlayer2.Player";
    /** A D-Bus caller waits this long at most for the UI thread. */
    private static final long UI_WAIT_MS = 2000;
    /** A position further than this from where the clock says it is was a seek. */
    private static final long SEEK_JUMP_MS = 1500;

    private final DBusConnection bus;
    private final Executor ui;
    private final Runnable raise;
    private final Runnable quit;
    private final String name;
    /** Only touched on the UI thread. */
    private PlayerViewModel player;
    private Subscription following = Subscription.EMPTY;
    private Map<String, Variant<?>> announced = Map.of();
    private MprisState state = MprisState.NOTHING;
    private long positionMs;
    private Instant positionAt = Instant.EPOCH;

    private MprisPlayer(DBusConnection bus, Executor ui, Runnable raise, Runnable quit, String name) {
        this.bus = bus;
        this.ui = ui;
        this.raise = raise;
        this.quit = quit;
        this.name = name;
    }

    /**
     * Exports the player on {@code bus} under {@link #BUS_NAME}, or under a name of its own
     * when another Roadie holds it (MPRIS's {@code .instancePID} rule).
     *
     * @param raise shows the window; {@code quit} ends the app (both run on the UI thread)
     */
    public static MprisPlayer export(DBusConnection bus, Executor ui, Runnable raise, Runnable quit) throws DBusException {
        String name = BUS_NAME;
        try {
            bus.requestBusName(name);
        } catch (DBusException taken) {
            name = BUS_NAME + ".instance" + ProcessHandle.current().pid();
            log.info("Another Roadie is the MPRIS player {} ({}): this one is {}", BUS_NAME, taken.getMessage(), name);
            bus.requestBusName(name);
        }
        MprisPlayer player = new MprisPlayer(bus, ui, raise, quit, name);
        bus.exportObject(OBJECT_PATH, player);
        log.info("MPRIS: playing as {} on the session bus", name);
        return player;
    }

    public String busName() {
        return name;
    }

    /** Follows {@code now} (a new main window's), or nothing; call on the UI thread. */
    public void follow(PlayerViewModel now) {
        following.unsubscribe();
        player = now;
        if (now == null) {
            following = Subscription.EMPTY;
            changed();
            return;
        }
        // Once per event, after all of it is in: one PropertiesChanged for a new track that also
        // paused and changed the volume, and an event that changed no property (a seek on
        // another companion: the same track at a new position) is seen too.
        following = now.updates().subscribe((was, count) -> changed());
        changed();
    }

    /** On the UI thread: announces what changed, and a jump of the position. */
    private void changed() {
        // Where the clock says playback is, by the state until now.
        long expected = positionMs + (state.paused() ? 0 : Duration.between(positionAt, Instant.now()).toMillis());
        state = player == null ? MprisState.NOTHING : new MprisState(player.nowPlaying().get(), player.paused().get(),
                player.volume().get(), player.repeat().get());
        long now = player == null ? 0 : player.position().toMillis();
        Map<String, Variant<?>> next = state.announced();
        Map<String, Variant<?>> differ = new HashMap<>();
        next.forEach((key, value) -> {
            if (!Objects.equals(announced.get(key), value)) {
                differ.put(key, value);
            }
        });
        boolean sameTrack = announced.containsKey("Metadata") && !differ.containsKey("Metadata");
        announced = next;
        positionMs = now;
        positionAt = Instant.now();
        try {
            if (!differ.isEmpty()) {
                bus.sendMessage(new Properties.PropertiesChanged(OBJECT_PATH, PLAYER_INTERFACE, differ, List.of()));
            }
            if (sameTrack && Math.abs(now - expected) > SEEK_JUMP_MS) {
                bus.sendMessage(new Seeked(OBJECT_PATH, now * 1000));
            }
        } catch (DBusException e) {
            log.warn("MPRIS: could not announce a change of the player: {}", e.getMessage(), e);
        }
    }

    /** Reads on the UI thread, for a D-Bus caller. */
    private <T> T read(Function<MprisPlayer, T> reader) {
        try {
            return CompletableFuture.supplyAsync(() -> reader.apply(this), ui).get(UI_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DBusExecutionException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new DBusExecutionException("the player did not answer: " + e);
        }
    }

    /** Runs a command on the UI thread, when a main window's player is followed. */
    private void command(Consumer<PlayerViewModel> command) {
        ui.execute(() -> {
            if (player != null) {
                command.accept(player);
            }
        });
    }

    @Override
    public void Raise() {
        ui.execute(raise);
    }

    @Override
    public void Quit() {
        ui.execute(quit);
    }

    @Override
    public boolean isCanQuit() {
        return true;
    }

    @Override
    public boolean isCanRaise() {
        return true;
    }

    @Override
    public boolean isHasTrackList() {
        return false;
    }

    @Override
    public String getIdentity() {
        return "Roadie";
    }

    @Override
    public String getDesktopEntry() {
        return "roadie";
    }

    @Override
    public List<String> getSupportedUriSchemes() {
        return List.of();
    }

    @Override
    public List<String> getSupportedMimeTypes() {
        return List.of();
    }

    @Override
    public void Next() {
        command(PlayerViewModel::skip);
    }

    @Override
    public void Previous() {
        command(PlayerViewModel::previous);
    }

    @Override
    public void Pause() {
        command(PlayerViewModel::pause);
    }

    @Override
    public void PlayPause() {
        command(PlayerViewModel::pauseOrResume);
    }

    @Override
    public void Stop() {
        command(PlayerViewModel::stop);
    }

    @Override
    public void Play() {
        command(PlayerViewModel::play);
    }

    @Override
    public void Seek(long offset) {
        command(player -> {
            Duration to = player.position().plus(Duration.ofNanos(offset * 1000));
            long length = player.nowPlaying().get() == null ? 0 : player.nowPlaying().get().durationMs();
            // MPRIS: seeking past the end is Next; before the start, the start.
            if (length > 0 && to.toMillis() >= length) {
                player.skip();
            } else {
                player.seek(to.isNegative() ? Duration.ZERO : to);
            }
        });
    }

    @Override
    public void SetPosition(DBusPath trackId, long position) {
        command(player -> {
            // MPRIS: a position for another track (it changed meanwhile) is ignored.
            if (trackId.getPath().equals(state.trackId().getPath()) && position >= 0) {
                player.seek(Duration.ofNanos(position * 1000));
            }
        });
    }

    @Override
    public void OpenUri(String uri) {
        throw new DBusExecutionException("Roadie does not open addresses over MPRIS: paste " + uri
                + " in Roadie's search field");
    }

    @Override
    public String getPlaybackStatus() {
        return read(p -> p.state.playbackStatus());
    }

    @Override
    public String getLoopStatus() {
        return read(p -> p.state.loopStatus());
    }

    @Override
    public void setLoopStatus(String status) {
        var mode = MprisState.repeatOf(status);
        command(player -> player.repeat(mode));
    }

    @Override
    public double getRate() {
        return 1.0;
    }

    @Override
    public void setRate(double rate) {
        // The bot plays at one speed: MPRIS says to ignore other rates.
    }

    @Override
    public Map<String, Variant<?>> getMetadata() {
        return read(p -> p.state.metadata());
    }

    @Override
    public double getVolume() {
        return read(p -> p.state.mprisVolume());
    }

    @Override
    public void setVolume(double volume) {
        int level = (int) Math.round(Math.clamp(volume, 0, 10) * 100);
        command(player -> player.volume(level));
    }

    @Override
    public long getPosition() {
        return read(p -> p.player == null ? 0L : p.player.position().toNanos() / 1000);
    }

    @Override
    public double getMinimumRate() {
        return 1.0;
    }

    @Override
    public double getMaximumRate() {
        return 1.0;
    }

    @Override
    public boolean isCanGoNext() {
        return read(p -> p.state.canPlay());
    }

    @Override
    public boolean isCanGoPrevious() {
        return read(p -> p.state.canPlay());
    }

    @Override
    public boolean isCanPlay() {
        return read(p -> p.state.canPlay());
    }

    @Override
    public boolean isCanPause() {
        return read(p -> p.state.canPlay());
    }

    @Override
    public boolean isCanSeek() {
        return read(p -> p.state.canSeek());
    }

    @Override
    public boolean isCanControl() {
        return true;
    }

    @Override
    public String getObjectPath() {
        return OBJECT_PATH;
    }

    /** Leaves the bus name and the object; the connection stays the caller's. */
    @Override
    public void close() {
        following.unsubscribe();
        bus.unExportObject(OBJECT_PATH);
        try {
            bus.releaseBusName(name);
        } catch (DBusException e) {
            log.debug("MPRIS: could not release {}: {}", name, e.getMessage(), e);
        }
    }
}
