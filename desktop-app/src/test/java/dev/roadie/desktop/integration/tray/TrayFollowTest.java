package dev.roadie.desktop.integration.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.companion.remote.Target;
import dev.roadie.companion.testing.FakeMusicHub;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import dev.roadie.model.registry.ServiceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** What the tray's menu and tooltip show follows the player once per event, not once per property. */
class TrayFollowTest {
    final FakeMusicHub hub = new FakeMusicHub();
    final SimpleObjectProperty<Target> target = new SimpleObjectProperty<>();
    final PlayerViewModel player = new PlayerViewModel(hub, Runnable::run, Clock.systemUTC(), target);

    static Track track(String title) {
        return new Track(title, "Harbour Lights", null, 200_000, "https://example.org/" + title, null, "test", null, true);
    }

    @Test
    void a_bot_event_that_changes_the_track_and_pauses_updates_the_tray_once() {
        target.set(new Target(new ServiceId("music-bot", "demo"), "1"));
        hub.lastCommand().answer().complete(new PlayerEvent.QueueSnapshot("1",
                new PlayerEvent.NowPlaying("1", track("Paper Boats"), 0, false, 100), List.of()));
        List<String> shown = new ArrayList<>();
        TrayControls.follow(player, (track, paused) -> shown.add((track == null ? "nothing" : track.title())
                + (paused ? " paused" : " playing")));
        assertThat(shown).as("what plays when the tray starts following").containsExactly("Paper Boats playing");

        hub.publish(new PlayerEvent.NowPlaying("1", track("Folded Maps"), 0, Instant.now(), true, 50, RepeatMode.ONE));

        assertThat(shown).containsExactly("Paper Boats playing", "Folded Maps paused");
    }
}
