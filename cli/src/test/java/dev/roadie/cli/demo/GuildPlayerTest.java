package dev.roadie.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.cli.demo.GuildPlayer.Change;
import dev.roadie.client.RequestFailedException;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One guild's queue and position clock, on a clock the test moves. */
class GuildPlayerTest {
    static final String GUILD = "123";
    final ManualClock clock = new ManualClock();
    final GuildPlayer player = new GuildPlayer(GUILD, clock, new Random(7));

    static Track track(String title, long seconds) {
        return new Track(title, "Harbour Lights", null, seconds * 1000, "https://example.org/" + title, null, "test",
                null, true);
    }

    Change add(String title, QueuePosition position) {
        return player.apply(new PlayerCommand.Add(GUILD, track(title, 100), null, position, "alice"));
    }

    void addAll(String... titles) {
        for (String title : titles) {
            add(title, QueuePosition.END);
        }
    }

    String playing() {
        Track track = player.nowPlaying().track();
        return track == null ? null : track.title();
    }

    List<String> queue() {
        return player.snapshot().queue().stream().map(Track::title).toList();
    }

    static RequestFailedException refusal(Runnable command) {
        try {
            command.run();
        } catch (RequestFailedException e) {
            return e;
        }
        throw new AssertionError("the command was not refused");
    }

    @Test
    void the_first_track_added_plays_and_the_next_ones_queue_up() {
        assertThat(add("A", QueuePosition.END)).isEqualTo(Change.QUEUE);
        addAll("B", "C");

        assertThat(playing()).isEqualTo("A");
        assertThat(queue()).containsExactly("B", "C");
    }

    @Test
    void play_next_goes_right_after_the_playing_track_and_play_now_replaces_it() {
        addAll("A", "B");
        add("N", QueuePosition.NEXT);
        assertThat(queue()).containsExactly("N", "B");

        add("X", QueuePosition.NOW);

        assertThat(playing()).isEqualTo("X");
        assertThat(queue()).containsExactly("N", "B");
        player.apply(new PlayerCommand.Previous(GUILD));
        assertThat(playing()).as("the replaced track is in the history").isEqualTo("A");
    }

    @Test
    void move_remove_and_clear_change_the_queue_but_not_what_plays() {
        addAll("A", "B", "C", "D");

        player.apply(new PlayerCommand.Move(GUILD, 2, 0));
        assertThat(queue()).containsExactly("D", "B", "C");
        player.apply(new PlayerCommand.Remove(GUILD, 1));
        assertThat(queue()).containsExactly("D", "C");
        player.apply(new PlayerCommand.Clear(GUILD));

        assertThat(queue()).isEmpty();
        assertThat(playing()).isEqualTo("A");
    }

    @Test
    void an_index_outside_the_queue_is_refused_with_the_entries_there_are() {
        addAll("A", "B", "C");

        RequestFailedException refused = refusal(() -> player.apply(new PlayerCommand.Remove(GUILD, 2)));

        assertThat(refused.code()).isEqualTo("no-such-entry");
        assertThat(refused).hasMessage("cannot remove queue entry 2: the queue of guild 123 has entries 0 to 1");
        assertThat(refusal(() -> player.apply(new PlayerCommand.Move(GUILD, 0, 5)))).hasMessageContaining("move to");
    }

    @Test
    void the_position_runs_with_the_clock_and_stands_still_while_paused() {
        addAll("A");
        clock.advance(Duration.ofSeconds(10));
        assertThat(player.nowPlaying().positionMs()).isEqualTo(10_000);
        assertThat(player.nowPlaying().positionAt()).isEqualTo(clock.instant());

        assertThat(player.apply(new PlayerCommand.Pause(GUILD))).isEqualTo(Change.NOW_PLAYING);
        clock.advance(Duration.ofSeconds(30));
        assertThat(player.nowPlaying().positionMs()).isEqualTo(10_000);
        assertThat(player.nowPlaying().paused()).isTrue();

        player.apply(new PlayerCommand.Resume(GUILD));
        clock.advance(Duration.ofSeconds(5));
        assertThat(player.nowPlaying().positionMs()).isEqualTo(15_000);
        assertThat(player.apply(new PlayerCommand.Resume(GUILD))).as("resuming what plays changes nothing")
                .isEqualTo(Change.NONE);
    }

    @Test
    void seek_moves_the_position_within_the_track_and_refuses_past_its_end() {
        addAll("A");

        player.apply(new PlayerCommand.Seek(GUILD, 61_000));
        clock.advance(Duration.ofSeconds(1));
        assertThat(player.nowPlaying().positionMs()).isEqualTo(62_000);

        RequestFailedException refused = refusal(() -> player.apply(new PlayerCommand.Seek(GUILD, 100_000)));
        assertThat(refused.code()).isEqualTo("bad-position");
        assertThat(refused).hasMessage("'A' is 1:40 long: seek to a position from 0:00 to before 1:40, not 1:40");
    }

    @Test
    void a_track_ends_when_its_length_has_passed_and_the_next_one_starts_where_it_ended() {
        addAll("A", "B");
        clock.advance(Duration.ofSeconds(99));
        assertThat(player.checkTrackEnd()).isEqualTo(Change.NONE);

        clock.advance(Duration.ofSeconds(3));

        assertThat(player.checkTrackEnd()).isEqualTo(Change.QUEUE);
        assertThat(playing()).isEqualTo("B");
        assertThat(player.nowPlaying().positionMs()).as("B started when A ended, 2 s ago").isEqualTo(2_000);
        clock.advance(Duration.ofSeconds(98));
        player.checkTrackEnd();
        assertThat(playing()).as("after the last track nothing plays").isNull();
        assertThat(player.nowPlaying().positionMs()).isZero();
    }

    @Test
    void repeat_one_plays_the_track_again_and_repeat_all_starts_over_after_the_last() {
        addAll("A", "B");
        player.apply(new PlayerCommand.Repeat(GUILD, RepeatMode.ONE));
        clock.advance(Duration.ofSeconds(100));
        player.checkTrackEnd();
        assertThat(playing()).isEqualTo("A");
        assertThat(player.nowPlaying().repeat()).isEqualTo(RepeatMode.ONE);

        player.apply(new PlayerCommand.Repeat(GUILD, RepeatMode.ALL));
        clock.advance(Duration.ofSeconds(200));
        player.checkTrackEnd();

        assertThat(playing()).as("A ended, B ended, then A again").isEqualTo("A");
        assertThat(queue()).containsExactly("B");
    }

    @Test
    void skip_moves_on_even_with_repeat_one_and_previous_goes_back() {
        addAll("A", "B", "C");
        player.apply(new PlayerCommand.Repeat(GUILD, RepeatMode.ONE));

        player.apply(new PlayerCommand.Skip(GUILD));
        assertThat(playing()).isEqualTo("B");
        player.apply(new PlayerCommand.Previous(GUILD));

        assertThat(playing()).isEqualTo("A");
        assertThat(queue()).containsExactly("B", "C");
    }

    @Test
    void previous_after_the_queue_ran_out_plays_the_last_track_again() {
        addAll("A");
        player.apply(new PlayerCommand.Skip(GUILD));
        assertThat(playing()).isNull();

        player.apply(new PlayerCommand.Previous(GUILD));

        assertThat(playing()).isEqualTo("A");
    }

    @Test
    void commands_that_need_a_track_are_refused_when_nothing_plays() {
        for (PlayerCommand command : List.of(new PlayerCommand.Skip(GUILD), new PlayerCommand.Pause(GUILD),
                new PlayerCommand.Resume(GUILD), new PlayerCommand.Seek(GUILD, 0))) {
            RequestFailedException refused = refusal(() -> player.apply(command));
            assertThat(refused.code()).isEqualTo("nothing-playing");
            assertThat(refused).hasMessageStartingWith("nothing is playing in guild 123, so there is nothing to");
        }
        RequestFailedException refused = refusal(() -> player.apply(new PlayerCommand.Previous(GUILD)));
        assertThat(refused.code()).isEqualTo("no-previous");
    }

    @Test
    void shuffle_reorders_the_queue_only() {
        addAll("A", "B", "C", "D", "E", "F");

        player.apply(new PlayerCommand.Shuffle(GUILD));

        assertThat(playing()).isEqualTo("A");
        assertThat(queue()).containsExactlyInAnyOrder("B", "C", "D", "E", "F").isNotEqualTo(List.of("B", "C", "D", "E", "F"));
    }

    @Test
    void stop_empties_the_queue_and_keeps_the_history() {
        addAll("A", "B");

        player.apply(new PlayerCommand.Stop(GUILD));

        assertThat(playing()).isNull();
        assertThat(queue()).isEmpty();
        player.apply(new PlayerCommand.Previous(GUILD));
        assertThat(playing()).isEqualTo("A");
    }

    @Test
    void volume_and_repeat_change_only_what_plays() {
        assertThat(player.apply(new PlayerCommand.Volume(GUILD, 40))).isEqualTo(Change.NOW_PLAYING);

        PlayerEvent.NowPlaying nowPlaying = player.nowPlaying();
        assertThat(nowPlaying.volume()).isEqualTo(40);
        assertThat(nowPlaying.track()).isNull();
    }

    @Test
    void only_the_last_hundred_played_tracks_are_kept() {
        for (int i = 0; i <= GuildPlayer.HISTORY_LIMIT + 5; i++) {
            add("T" + i, QueuePosition.NOW);
        }
        int back = 0;
        while (true) {
            try {
                player.apply(new PlayerCommand.Previous(GUILD));
                back++;
            } catch (RequestFailedException e) {
                break;
            }
        }

        assertThat(back).isEqualTo(GuildPlayer.HISTORY_LIMIT);
        assertThatThrownBy(() -> player.apply(new PlayerCommand.Previous(GUILD))).isInstanceOf(RequestFailedException.class);
    }
}
