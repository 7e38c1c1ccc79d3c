package dev.roadie.companion.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.client.RequestFailedException;
import dev.roadie.companion.testing.FakeMusicHub;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.search.ProviderOutcome;
import dev.roadie.model.search.ResolveAnswer;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.search.SearchPart;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class SearchViewModelTest {
    static final ServiceId BOT = new ServiceId("music-bot", "eu");
    final FakeMusicHub hub = new FakeMusicHub();
    final SimpleObjectProperty<Target> target = new SimpleObjectProperty<>(new Target(BOT, "1"));
    final List<PlayerEvent.QueueSnapshot> queued = new ArrayList<>();
    final SearchViewModel model = new SearchViewModel(hub, Runnable::run, target, queued::add, "alice");

    static Track track(String title) {
        return new Track(title, "Harbour Lights", "Low Tide", 202_000, "https://example.org/" + title, null, "deezer",
                null, true);
    }

    static ProviderOutcome ok(String provider, int count) {
        return new ProviderOutcome(provider, "ok", null, count, 40, false);
    }

    static ProviderOutcome failed(String provider, String reason) {
        return new ProviderOutcome(provider, "failed", reason, 0, 40, false);
    }

    FakeMusicHub.Search typed(String query) {
        model.query().set(query);
        model.search();
        return hub.searches.getLast();
    }

    @Test
    void results_appear_as_each_provider_answers_then_the_merged_list_replaces_them() {
        FakeMusicHub.Search search = typed("paper boats");
        assertThat(model.searching().get()).isTrue();

        search.onPart().accept(new SearchPart(null, ok("deezer", 1), List.of(track("Paper Boats"))));
        assertThat(model.results()).extracting(Track::title).containsExactly("Paper Boats");
        assertThat(model.status().get()).isEqualTo("1 found so far · waiting for the other services…");

        search.answer().complete(new SearchAnswer("paper boats", List.of(track("Paper Boats"), track("Paper Boats (Live)")),
                List.of(ok("deezer", 1), ok("youtube", 1)), false));

        assertThat(model.results()).extracting(Track::title).containsExactly("Paper Boats", "Paper Boats (Live)");
        assertThat(model.providers()).extracting(ProviderOutcome::provider).containsExactly("deezer", "youtube");
        assertThat(model.status().get()).isEqualTo("2 results");
        assertThat(model.searching().get()).isFalse();
    }

    @Test
    void parts_of_an_older_search_are_dropped() {
        FakeMusicHub.Search old = typed("paper");
        typed("paper boats");

        old.onPart().accept(new SearchPart(null, ok("deezer", 1), List.of(track("Paperback Writer"))));
        old.answer().complete(new SearchAnswer("paper", List.of(track("Paperback Writer")), List.of(), false));

        assertThat(model.results()).isEmpty();
        assertThat(model.searching().get()).isTrue();
    }

    @Test
    void every_provider_failing_is_said_plainly_and_a_single_failure_is_named() {
        typed("paper boats").answer().complete(new SearchAnswer("paper boats", List.of(),
                List.of(failed("deezer", "Deezer answered HTTP 500")), true));

        assertThat(model.failed().get()).isTrue();
        assertThat(model.status().get()).isEqualTo(
                "Search is not working right now: every music service failed (deezer: Deezer answered HTTP 500)");

        typed("paper boats").answer().complete(new SearchAnswer("paper boats", List.of(track("Paper Boats")),
                List.of(ok("youtube", 1), failed("deezer", "Deezer answered HTTP 500")), false));

        assertThat(model.failed().get()).isFalse();
        assertThat(model.status().get()).isEqualTo("1 result · not answering: deezer: Deezer answered HTTP 500");
    }

    @Test
    void nothing_found_is_not_a_failure() {
        typed("xyzzy").answer().complete(new SearchAnswer("xyzzy", List.of(), List.of(ok("deezer", 0)), false));

        assertThat(model.failed().get()).isFalse();
        assertThat(model.status().get()).isEqualTo("Nothing found for “xyzzy”: try other words");
    }

    @Test
    void a_track_is_queued_next_for_the_chosen_bot_and_guild_and_the_answer_handed_on() {
        model.queue(track("Paper Boats"), QueuePosition.NEXT);

        FakeMusicHub.Command sent = hub.lastCommand();
        assertThat(sent.bot()).isEqualTo(BOT);
        assertThat(sent.command()).isEqualTo(new PlayerCommand.Add("1", track("Paper Boats"), null, QueuePosition.NEXT, "alice"));
        PlayerEvent.QueueSnapshot snapshot = new PlayerEvent.QueueSnapshot("1", null, List.of(track("Paper Boats")));
        sent.answer().complete(snapshot);

        assertThat(queued).containsExactly(snapshot);
        assertThat(model.status().get()).isEqualTo("“Paper Boats” plays next");
    }

    @Test
    void a_refused_add_shows_the_bots_words_and_no_bot_says_to_choose_one() {
        model.queue(track("Paper Boats"), QueuePosition.END);
        hub.lastCommand().answer().completeExceptionally(new RequestFailedException("unknown-guild",
                "this bot plays in guilds 1, 2, not in '9': choose one of those"));
        assertThat(model.status().get()).isEqualTo(
                "Could not queue “Paper Boats”: This bot plays in guilds 1, 2, not in '9': choose one of those");

        target.set(null);
        model.queue(track("Paper Boats"), QueuePosition.END);
        assertThat(model.status().get()).startsWith("Choose a bot and a server first");
    }

    @Test
    void a_pasted_link_is_read_into_its_track_to_queue_and_a_bad_one_is_said() {
        model.query().set("https://www.youtube.com/watch?v=pb0001");
        model.search();

        assertThat(hub.searches).isEmpty();
        hub.resolves.get("https://www.youtube.com/watch?v=pb0001").complete(new ResolveAnswer(
                "https://www.youtube.com/watch?v=pb0001", "track", track("Paper Boats"), "oembed"));
        assertThat(model.results()).extracting(Track::title).containsExactly("Paper Boats");
        assertThat(model.status().get()).isEqualTo("The link is “Paper Boats” by Harbour Lights: press Enter to queue it");

        model.query().set("https://example.org/nothing");
        model.search();
        hub.resolves.get("https://example.org/nothing").completeExceptionally(new RequestFailedException("not-found",
                "the page names nothing to play"));
        assertThat(model.failed().get()).isTrue();
        assertThat(model.status().get()).isEqualTo("Could not read the link: The page names nothing to play");
    }
}
