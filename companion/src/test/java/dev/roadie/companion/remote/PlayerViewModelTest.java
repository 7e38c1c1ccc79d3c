package dev.roadie.companion.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.client.RequestFailedException;
import dev.roadie.companion.testing.FakeMusicHub;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import dev.roadie.model.registry.ServiceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class PlayerViewModelTest {
    static final ServiceId BOT = new ServiceId("music-bot", "eu");
    final FakeMusicHub hub = new FakeMusicHub();
    final SimpleObjectProperty<Target> target = new SimpleObjectProperty<>();
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final PlayerViewModel model = new PlayerViewModel(hub, Runnable::run, clock, target);

    static Track track(String title) {
        return new Track(title, "Harbour Lights", null, 200_000, null, null, "test", null, true);
    }

    static PlayerEvent.QueueSnapshot queue(String guild, String playing, String... next) {
        return new PlayerEvent.QueueSnapshot(guild, new PlayerEvent.NowPlaying(guild, track(playing), 0, false, 100),
                java.util.Arrays.stream(next).map(PlayerViewModelTest::track).toList());
    }

    @Test
    void choosing_a_guild_follows_its_events_and_asks_for_its_queue() {
        target.set(new Target(BOT, "1"));

        assertThat(hub.follows("1")).isTrue();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.ShowQueue("1"));
        hub.lastCommand().answer().complete(queue("1", "A", "B", "C"));

        assertThat(model.nowPlaying().get().title()).isEqualTo("A");
        assertThat(model.queue()).extracting(Track::title).containsExactly("B", "C");

        target.set(new Target(BOT, "2"));
        assertThat(hub.follows("1")).isFalse();
        assertThat(model.queue()).isEmpty();
        assertThat(model.nowPlaying().get()).isNull();
    }

    @Test
    void another_companions_change_arrives_as_an_event_and_other_guilds_are_ignored() {
        target.set(new Target(BOT, "1"));

        hub.publish(queue("1", "A", "B"));
        hub.publish(queue("2", "X", "Y", "Z"));

        assertThat(model.queue()).extracting(Track::title).containsExactly("B");
    }

    @Test
    void each_control_sends_its_command_and_the_answer_shows_at_once() {
        target.set(new Target(BOT, "1"));
        hub.lastCommand().answer().complete(queue("1", "A", "B", "C"));

        model.remove(1);
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Remove("1", 1));
        hub.lastCommand().answer().complete(queue("1", "A", "B"));
        assertThat(model.queue()).extracting(Track::title).containsExactly("B");

        model.pauseOrResume();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Pause("1"));
        model.skip();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Skip("1"));
        model.previous();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Previous("1"));
        model.clear();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Clear("1"));
        model.move(0, 1);
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Move("1", 0, 1));
    }

    @Test
    void play_now_moves_the_entry_to_the_front_then_skips_to_it() {
        target.set(new Target(BOT, "1"));

        model.playNow(2);
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Move("1", 2, 0));
        hub.lastCommand().answer().complete(queue("1", "A", "D", "B", "C"));

        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Skip("1"));
        hub.lastCommand().answer().complete(queue("1", "D", "B", "C"));
        assertThat(model.nowPlaying().get().title()).isEqualTo("D");
    }

    @Test
    void the_position_moves_with_the_clock_while_playing_and_stands_while_paused() {
        target.set(new Target(BOT, "1"));
        hub.publish(new PlayerEvent.NowPlaying("1", track("A"), 60_000, false, 100));

        now = now.plusSeconds(5);
        assertThat(model.position()).isEqualTo(Duration.ofSeconds(65));
        now = now.plusSeconds(500);
        assertThat(model.position()).isEqualTo(Duration.ofSeconds(200));

        hub.publish(new PlayerEvent.NowPlaying("1", track("A"), 70_000, true, 100));
        now = now.plusSeconds(30);
        assertThat(model.position()).isEqualTo(Duration.ofSeconds(70));
        assertThat(model.paused().get()).isTrue();
    }

    @Test
    void a_refusal_is_shown_in_the_bots_words_until_a_command_succeeds() {
        target.set(new Target(BOT, "1"));

        model.skip();
        hub.lastCommand().answer().completeExceptionally(new RequestFailedException("nothing-playing",
                "nothing is playing in guild 1, so there is nothing to skip: add a track first"));
        assertThat(model.problem().get()).isEqualTo(
                "Nothing is playing in guild 1, so there is nothing to skip: add a track first");

        model.clear();
        hub.lastCommand().answer().complete(queue("1", "A"));
        assertThat(model.problem().get()).isEmpty();
        assertThat(List.copyOf(model.queue())).isEmpty();
    }

    @Test
    void shuffle_repeat_volume_and_seek_send_their_commands_and_the_bots_state_shows() {
        target.set(new Target(BOT, "1"));
        hub.publish(new PlayerEvent.NowPlaying("1", track("A"), 0, null, false, 80, RepeatMode.ALL));
        assertThat(model.volume().get()).isEqualTo(80);
        assertThat(model.repeat().get()).isEqualTo(RepeatMode.ALL);

        model.nextRepeatMode();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Repeat("1", RepeatMode.ONE));
        model.shuffle();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Shuffle("1"));
        model.volume(120);
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Volume("1", 120));
        model.seekTo(0.5);
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Seek("1", 99_999));
    }

    @Test
    void play_and_pause_send_only_what_changes_something_and_stop_seek_and_repeat_send_theirs() {
        target.set(new Target(BOT, "1"));
        hub.publish(new PlayerEvent.NowPlaying("1", track("A"), 0, false, 100));
        int sent = hub.commands.size();

        model.play();                                               // it plays already
        assertThat(hub.commands).hasSize(sent);
        model.pause();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Pause("1"));
        hub.publish(new PlayerEvent.NowPlaying("1", track("A"), 0, true, 100));
        model.pause();                                              // paused already
        assertThat(hub.commands).hasSize(sent + 1);
        model.play();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Resume("1"));

        model.seek(Duration.ofSeconds(500));                        // past the end: the last millisecond
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Seek("1", 199_999));
        model.repeat(RepeatMode.ONE);
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Repeat("1", RepeatMode.ONE));
        model.stop();
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Stop("1"));
    }

    @Test
    void a_command_sent_completes_once_the_answer_is_in_or_fails_with_the_refusal_in_words() {
        assertThat(model.send(new PlayerCommand.Skip("1"))).as("with no bot followed").isCompletedExceptionally();
        target.set(new Target(BOT, "1"));
        hub.lastCommand().answer().complete(queue("1", "A", "B"));

        var skipped = model.send(new PlayerCommand.Skip("1"));
        assertThat(skipped).isNotDone();
        hub.lastCommand().answer().complete(queue("1", "B"));
        assertThat(skipped).isCompleted();
        assertThat(model.nowPlaying().get().title()).isEqualTo("B");

        var refused = model.send(new PlayerCommand.Previous("1"));
        hub.lastCommand().answer().completeExceptionally(new RequestFailedException("timeout", "no answer"));
        assertThat(refused).isCompletedExceptionally();
        assertThat(refused.handle((ok, failure) -> Problems.words(failure)).join()).isEqualTo("The bot did not answer in time");
        assertThat(model.problem().get()).isEqualTo("The bot did not answer in time");
    }

    @Test
    void an_event_that_changes_every_property_is_one_update_after_all_of_them() {
        target.set(new Target(BOT, "1"));
        hub.lastCommand().answer().complete(queue("1", "A"));
        List<String> seen = new java.util.ArrayList<>();
        model.updates().subscribe((was, now) -> seen.add(model.nowPlaying().get().title() + " " + model.paused().get()
                + " " + model.volume().get() + " " + model.repeat().get()));

        hub.publish(new PlayerEvent.NowPlaying("1", track("B"), 0, now, true, 50, RepeatMode.ONE));

        assertThat(seen).containsExactly("B true 50 ONE");
    }
}
