package dev.roadie.mobile.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.client.RequestFailedException;
import dev.roadie.companion.hub.Bot;
import dev.roadie.companion.remote.MainViewModel;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.companion.remote.Remote;
import dev.roadie.companion.remote.SearchViewModel;
import dev.roadie.companion.testing.FakeMusicHub;
import dev.roadie.mobile.intents.MediaFocus;
import dev.roadie.mobile.intents.PhoneCommand;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.search.ResolveAnswer;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.voice.VolumeChange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CommandRunner over the companion's ViewModels and a fake hub: what it sends, and what it says. */
class CommandRunnerTest {
    static final Bot EU = new Bot(new ServiceId("music-bot", "eu"), ServiceState.UP, List.of("1"));
    final FakeMusicHub hub = new FakeMusicHub();
    final MainViewModel main = new MainViewModel(hub, Runnable::run);
    final PlayerViewModel player = new PlayerViewModel(hub, Runnable::run, Clock.systemUTC(), main.target());
    final SearchViewModel search = new SearchViewModel(hub, Runnable::run, main.target(), player::apply, "carol");
    final List<PhoneCommand.Pair> pairs = new ArrayList<>();
    final List<CommandRunner.Page> pages = new ArrayList<>();
    final CommandRunner runner = new CommandRunner(hub, Runnable::run, new Remote(main, player, search), "carol",
            pairs::add);

    CommandRunnerTest() {
        runner.onPage(pages::add);
        main.start();
    }

    static Track track(String title, String artist, String album) {
        return new Track(title, artist, album, 200_000, "https://example.org/" + title, null, "deezer", null, false);
    }

    void botUp() {
        hub.bots(List.of(EU));
        hub.lastCommand().answer().complete(new PlayerEvent.QueueSnapshot("1", null, List.of())); // the first ShowQueue
    }

    PlayerCommand.Add added() {
        return (PlayerCommand.Add) hub.lastCommand().command();
    }

    @Test
    void a_voice_search_queues_the_result_with_the_named_title_and_artist_and_says_so() {
        botUp();
        runner.run(new PhoneCommand.Play("Paper Boats Harbour Lights", MediaFocus.TITLE, "Paper Boats", "Harbour Lights",
                null, QueuePosition.NOW));
        assertThat(runner.message().get()).isEqualTo("Looking for “Paper Boats Harbour Lights”…");

        hub.searches.getLast().answer().complete(new SearchAnswer("q", List.of(track("Paper Boats (Live)", "Harbour Lights",
                "Live"), track("Paper Boats", "Someone Else", null), track("Paper Boats", "Harbour Lights", "Low Tide")),
                List.of(), false));

        assertThat(added().track().album()).isEqualTo("Low Tide");
        assertThat(added().position()).isEqualTo(QueuePosition.NOW);
        assertThat(added().requestedBy()).isEqualTo("carol");
        hub.lastCommand().answer().complete(new PlayerEvent.QueueSnapshot("1", null, List.of()));
        assertThat(runner.message().get()).isEqualTo("Playing “Paper Boats” by Harbour Lights");
        assertThat(pages).containsExactly(CommandRunner.Page.NOW_PLAYING);
    }

    @Test
    void without_hints_the_hubs_first_result_is_taken_accents_and_case_aside() {
        botUp();
        runner.run(new PhoneCommand.Play("etoiles", MediaFocus.ARTIST, null, "les etoiles", null, QueuePosition.END));
        hub.searches.getLast().answer().complete(new SearchAnswer("q", List.of(track("A", "X", null),
                track("Tissue & Ink", "Les Étoiles", "Nuit")), List.of(), false));

        assertThat(added().track().title()).isEqualTo("Tissue & Ink");
        assertThat(pages).containsExactly(CommandRunner.Page.QUEUE);
    }

    @Test
    void nothing_found_is_said_in_words() {
        botUp();
        runner.run(PhoneCommand.Play.words("zzz", QueuePosition.NOW));
        hub.searches.getLast().answer().complete(new SearchAnswer("zzz", List.of(), List.of(), false));

        assertThat(runner.message().get()).isEqualTo("Nothing found for “zzz”: try other words");
    }

    @Test
    void a_command_before_any_bot_waits_for_one() {
        runner.run(new PhoneCommand.Control(PhoneCommand.Action.SKIP));
        assertThat(runner.message().get()).isEqualTo("Waiting for a music bot to connect…");
        int before = hub.commands.size();

        hub.bots(List.of(EU));

        assertThat(hub.commands.subList(before, hub.commands.size())).extracting(FakeMusicHub.Command::command)
                .contains(new PlayerCommand.Skip("1"));
    }

    @Test
    void a_link_is_read_by_the_hub_then_queued_or_its_failure_said() {
        botUp();
        runner.run(new PhoneCommand.QueueLink("https://youtu.be/x", QueuePosition.END));
        hub.resolves.get("https://youtu.be/x").complete(new ResolveAnswer("https://youtu.be/x", "track",
                track("Origami Heart", "Harbour Lights", null), "oembed"));
        assertThat(added().track().title()).isEqualTo("Origami Heart");
        hub.lastCommand().answer().complete(new PlayerEvent.QueueSnapshot("1", null, List.of()));
        assertThat(runner.message().get()).isEqualTo("Queued “Origami Heart” by Harbour Lights");

        runner.run(new PhoneCommand.QueueLink("https://example.org/none", QueuePosition.END));
        hub.resolves.get("https://example.org/none").completeExceptionally(new RequestFailedException("not-found",
                "no track at that link"));
        assertThat(runner.message().get()).isEqualTo("Could not read the link: No track at that link");
    }

    @Test
    void volume_steps_from_the_bots_level_and_the_buttons_are_pressed() {
        botUp();
        player.apply(new PlayerEvent.NowPlaying("1", track("A", "X", null), 0, Instant.now(), false, 120, RepeatMode.OFF));

        runner.run(new PhoneCommand.Volume(VolumeChange.relative(-30)));
        assertThat(hub.lastCommand().command()).isEqualTo(new PlayerCommand.Volume("1", 90));
        assertThat(runner.message().get()).isEqualTo("Volume 90%");
        for (PhoneCommand.Action action : List.of(PhoneCommand.Action.PAUSE, PhoneCommand.Action.RESUME,
                PhoneCommand.Action.STOP, PhoneCommand.Action.PREVIOUS, PhoneCommand.Action.CLEAR_QUEUE)) {
            runner.run(new PhoneCommand.Control(action));
        }
        assertThat(hub.commands.subList(hub.commands.size() - 5, hub.commands.size())).extracting(FakeMusicHub.Command::command)
                .containsExactly(new PlayerCommand.Pause("1"), new PlayerCommand.Resume("1"), new PlayerCommand.Stop("1"),
                        new PlayerCommand.Previous("1"), new PlayerCommand.Clear("1"));
    }

    @Test
    void a_refusal_is_said_in_the_bots_words() {
        botUp();
        runner.run(new PhoneCommand.Control(PhoneCommand.Action.SKIP));
        hub.lastCommand().answer().completeExceptionally(new RequestFailedException("no-route", "no such service"));

        assertThat(runner.message().get()).isEqualTo("The bot is not connected to the hub right now");
    }

    @Test
    void words_open_the_search_a_pairing_link_pairs_and_what_cannot_be_done_is_said() {
        botUp();
        runner.run(new PhoneCommand.Search("paper"));
        assertThat(search.query().get()).isEqualTo("paper");
        assertThat(hub.searches.getLast().query()).isEqualTo("paper");
        assertThat(pages).containsExactly(CommandRunner.Page.SEARCH);

        runner.run(new PhoneCommand.Pair("http://hub:7070", "QWRT-ZXCV"));
        assertThat(pairs).containsExactly(new PhoneCommand.Pair("http://hub:7070", "QWRT-ZXCV"));

        runner.run(new PhoneCommand.Unusable("Roadie opens roadie:// links only"));
        assertThat(runner.message().get()).isEqualTo("Roadie opens roadie:// links only");
    }

    @Test
    void now_playing_shows_the_page_and_names_the_track() {
        botUp();
        player.apply(new PlayerEvent.NowPlaying("1", track("Folded Maps", "North Window", null), 0, Instant.now(), false, 100,
                RepeatMode.OFF));

        runner.run(new PhoneCommand.Control(PhoneCommand.Action.NOW_PLAYING));

        assertThat(runner.message().get()).isEqualTo("Now playing “Folded Maps” by North Window");
        assertThat(pages).containsExactly(CommandRunner.Page.NOW_PLAYING);
    }
}
