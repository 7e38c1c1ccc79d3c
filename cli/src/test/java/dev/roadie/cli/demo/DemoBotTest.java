package dev.roadie.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.IncomingMessage;
import dev.roadie.client.Reply;
import dev.roadie.client.RequestFailedException;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.hub.testing.FakeMusicService;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo bot on a real hub, driven as a companion drives a bot: every command is a
 * {@code player.command} request over a real client, checked through the reply and the events on
 * {@code player.GUILD}. The hub searches a local fake Deezer.
 */
class DemoBotTest {
    static final Address BOT = Address.service("music-bot", "demo");
    static final Duration WAIT = Clients.WAIT;

    @TempDir
    Path data;
    final FakeMusicService deezer = new FakeMusicService().json("/deezer/search", "deezer-search.json")
            .json("/oembed/youtube", "oembed-youtube.json");
    final Clients clients = new Clients();
    final ManualClock clock = new ManualClock();
    final BlockingQueue<IncomingMessage> events = new LinkedBlockingQueue<>();
    LiveHub hub;
    DemoBot bot;
    RoadieClient companion;

    @BeforeEach
    void start() {
        hub = LiveHub.start(data, Map.of("search.enabled", "deezer,links",
                "search.deezer.baseUrl", deezer.url("/deezer"),
                "search.links.youtubeOembed", deezer.url("/oembed/youtube"),
                "search.links.allowedAddresses", "127.0.0.1"));
        // The music-bot kind's preset scopes, as `roadie token create --kind music-bot` gives them.
        RoadieClient botClient = clients.connect(hub, "demo", "music-bot", "send:*", "publish:player.*", "subscribe:*",
                "announce:music-bot", "registry", "search");
        bot = DemoBot.start(botClient, new DemoBot.Settings("demo", List.of("1", "2"), clock, new Random(7),
                Duration.ofMillis(20)));
        companion = clients.connect(hub, "alice", "desktop", "send:music-bot", "subscribe:player.*");
        companion.subscribe(PlayerEvent.topic("1"), events::add).ready().join();
        companion.subscribe(PlayerEvent.topic("2"), events::add).ready().join();
    }

    @AfterEach
    void stop() {
        bot.close();
        clients.close();
        hub.close();
        deezer.close();
    }

    static Track track(String title, long seconds) {
        return new Track(title, "Harbour Lights", "Low Tide", seconds * 1000, "https://example.org/" + title,
                "https://example.org/" + title + ".jpg", "test", null, true);
    }

    Reply send(PlayerCommand command) {
        return companion.requestBlocking(BOT, PlayerCommand.SUBJECT, command, WAIT);
    }

    PlayerEvent.QueueSnapshot ok(PlayerCommand command) {
        return send(command).as(PlayerEvent.QueueSnapshot.class);
    }

    RequestFailedException refused(PlayerCommand command) {
        Reply reply = send(command);
        assertThat(reply.isOk()).as("%s was answered ok", command).isFalse();
        try {
            reply.orThrow();
        } catch (RequestFailedException e) {
            return e;
        }
        throw new AssertionError("unreachable");
    }

    /** The next player event, from the bot, on the right topic with the right subject. */
    PlayerEvent nextEvent() throws InterruptedException {
        IncomingMessage message = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a player event within %s", WAIT).isNotNull();
        assertThat(message.from()).isEqualTo(new ServiceId("music-bot", "demo"));
        assertThat(message.subject()).isEqualTo(PlayerEvent.SUBJECT);
        PlayerEvent event = message.as(PlayerEvent.class);
        assertThat(message.to()).isEqualTo(Address.topic(PlayerEvent.topic(event.guild())));
        return event;
    }

    PlayerEvent.QueueSnapshot nextQueueEvent() throws InterruptedException {
        PlayerEvent event = nextEvent();
        assertThat(event).isInstanceOf(PlayerEvent.QueueSnapshot.class);
        return (PlayerEvent.QueueSnapshot) event;
    }

    PlayerEvent.NowPlaying nextNowPlayingEvent() throws InterruptedException {
        PlayerEvent event = nextEvent();
        assertThat(event).isInstanceOf(PlayerEvent.NowPlaying.class);
        return (PlayerEvent.NowPlaying) event;
    }

    static List<String> titles(PlayerEvent.QueueSnapshot snapshot) {
        return snapshot.queue().stream().map(Track::title).toList();
    }

    static String playing(PlayerEvent.QueueSnapshot snapshot) {
        Track track = snapshot.nowPlaying().track();
        return track == null ? null : track.title();
    }

    void add(String guild, String title, QueuePosition position) throws InterruptedException {
        ok(new PlayerCommand.Add(guild, track(title, 100), null, position, "alice"));
        nextQueueEvent();
    }

    @Test
    void the_bot_is_in_the_registry_with_its_guilds() {
        await().atMost(WAIT).until(() -> hub.serves(new ServiceId("music-bot", "demo")));
        var entry = hub.hub().context().registry().get(new ServiceId("music-bot", "demo"));

        assertThat(entry).hasValueSatisfying(e -> assertThat(e.service().labels()).containsEntry("guilds", "1,2"));
    }

    @Test
    void a_query_is_resolved_through_the_hubs_search_with_its_real_length_and_artwork() throws InterruptedException {
        PlayerEvent.QueueSnapshot reply = ok(new PlayerCommand.Add("1", null, "paper boats", null, "alice"));

        Track paperBoats = reply.nowPlaying().track();
        assertThat(paperBoats.title()).isEqualTo("Paper Boats");
        assertThat(paperBoats.artist()).isEqualTo("Harbour Lights");
        assertThat(paperBoats.durationMs()).isEqualTo(202_000);
        assertThat(paperBoats.artworkUrl()).startsWith("https://e-cdns-images.dzcdn.net/");
        assertThat(paperBoats.source()).isEqualTo("deezer");
        assertThat(nextQueueEvent()).isEqualTo(reply);
        assertThat(deezer.seen()).anySatisfy(seen -> assertThat(seen.query()).contains("paper boats"));
    }

    @Test
    void a_link_is_resolved_through_the_hub() {
        PlayerEvent.QueueSnapshot reply = ok(new PlayerCommand.Add("1", null, "https://www.youtube.com/watch?v=pb0001",
                null, "alice"));

        assertThat(reply.nowPlaying().track().title()).isEqualTo("Harbour Lights - Paper Boats (Official Video)");
        assertThat(reply.nowPlaying().track().source()).isEqualTo("youtube");
    }

    @Test
    void a_query_that_finds_nothing_is_refused_in_words() {
        deezer.answer("/deezer/search", new FakeMusicService.Answer(200, "application/json", "{\"data\":[],\"total\":0}"));

        RequestFailedException refused = refused(new PlayerCommand.Add("1", null, "nothing at all", null, "alice"));

        assertThat(refused.code()).isEqualTo("not-found");
        assertThat(refused).hasMessage("found nothing for 'nothing at all': try other words");
    }

    @Test
    void a_search_that_could_not_be_done_says_so() {
        deezer.answer("/deezer/search", new FakeMusicService.Answer(500, "text/plain", "down"));

        RequestFailedException refused = refused(new PlayerCommand.Add("1", null, "paper boats", null, "alice"));

        assertThat(refused.code()).isEqualTo("search-failed");
        assertThat(refused).hasMessageContaining("every music service failed").hasMessageContaining("HTTP 500");
    }

    @Test
    void the_queue_commands_answer_with_the_queue_and_publish_it() throws InterruptedException {
        add("1", "A", QueuePosition.END);
        add("1", "B", QueuePosition.END);
        add("1", "C", QueuePosition.END);
        add("1", "N", QueuePosition.NEXT);

        PlayerEvent.QueueSnapshot moved = ok(new PlayerCommand.Move("1", 0, 2));
        assertThat(titles(moved)).containsExactly("B", "C", "N");
        assertThat(nextQueueEvent()).isEqualTo(moved);

        PlayerEvent.QueueSnapshot removed = ok(new PlayerCommand.Remove("1", 1));
        assertThat(titles(removed)).containsExactly("B", "N");
        assertThat(nextQueueEvent()).isEqualTo(removed);

        PlayerEvent.QueueSnapshot now = ok(new PlayerCommand.Add("1", track("X", 100), null, QueuePosition.NOW, "bob"));
        assertThat(playing(now)).isEqualTo("X");
        assertThat(nextQueueEvent()).isEqualTo(now);

        ok(new PlayerCommand.Shuffle("1"));
        assertThat(titles(nextQueueEvent())).containsExactlyInAnyOrder("B", "N");

        PlayerEvent.QueueSnapshot cleared = ok(new PlayerCommand.Clear("1"));
        assertThat(titles(cleared)).isEmpty();
        assertThat(playing(cleared)).isEqualTo("X");
        assertThat(nextQueueEvent()).isEqualTo(cleared);

        PlayerEvent.QueueSnapshot stopped = ok(new PlayerCommand.Stop("1"));
        assertThat(stopped.nowPlaying().track()).isNull();
        assertThat(nextQueueEvent()).isEqualTo(stopped);
    }

    @Test
    void skip_and_previous_move_through_the_tracks_and_publish_the_queue() throws InterruptedException {
        add("1", "A", QueuePosition.END);
        add("1", "B", QueuePosition.END);

        PlayerEvent.QueueSnapshot skipped = ok(new PlayerCommand.Skip("1"));
        assertThat(playing(skipped)).isEqualTo("B");
        assertThat(nextQueueEvent()).isEqualTo(skipped);

        PlayerEvent.QueueSnapshot back = ok(new PlayerCommand.Previous("1"));
        assertThat(playing(back)).isEqualTo("A");
        assertThat(titles(back)).containsExactly("B");
        assertThat(nextQueueEvent()).isEqualTo(back);
    }

    @Test
    void pause_resume_seek_volume_and_repeat_publish_what_plays() throws InterruptedException {
        add("1", "A", QueuePosition.END);
        clock.advance(Duration.ofSeconds(10));

        PlayerEvent.QueueSnapshot paused = ok(new PlayerCommand.Pause("1"));
        assertThat(paused.nowPlaying().paused()).isTrue();
        assertThat(paused.nowPlaying().positionMs()).isEqualTo(10_000);
        assertThat(nextNowPlayingEvent()).isEqualTo(paused.nowPlaying());

        clock.advance(Duration.ofSeconds(60));
        PlayerEvent.QueueSnapshot resumed = ok(new PlayerCommand.Resume("1"));
        assertThat(resumed.nowPlaying().paused()).isFalse();
        assertThat(resumed.nowPlaying().positionMs()).as("no time passed while paused").isEqualTo(10_000);
        assertThat(nextNowPlayingEvent().paused()).isFalse();

        PlayerEvent.QueueSnapshot sought = ok(new PlayerCommand.Seek("1", 42_000));
        assertThat(sought.nowPlaying().positionMs()).isEqualTo(42_000);
        assertThat(sought.nowPlaying().positionAt()).isEqualTo(clock.instant());
        assertThat(nextNowPlayingEvent().positionMs()).isEqualTo(42_000);

        assertThat(ok(new PlayerCommand.Volume("1", 250)).nowPlaying().volume()).isEqualTo(250);
        assertThat(nextNowPlayingEvent().volume()).isEqualTo(250);

        assertThat(ok(new PlayerCommand.Repeat("1", RepeatMode.ALL)).nowPlaying().repeat()).isEqualTo(RepeatMode.ALL);
        assertThat(nextNowPlayingEvent().repeat()).isEqualTo(RepeatMode.ALL);
    }

    @Test
    void questions_are_answered_without_an_event() throws InterruptedException {
        add("1", "A", QueuePosition.END);

        assertThat(playing(ok(new PlayerCommand.NowPlaying("1")))).isEqualTo("A");
        assertThat(titles(ok(new PlayerCommand.ShowQueue("1")))).isEmpty();
        ok(new PlayerCommand.Volume("1", 90));

        assertThat(nextEvent()).as("the volume's event is the next one").isInstanceOf(PlayerEvent.NowPlaying.class);
    }

    @Test
    void when_a_track_has_played_to_its_end_the_next_one_starts_and_the_queue_is_published() throws InterruptedException {
        add("1", "A", QueuePosition.END);
        add("1", "B", QueuePosition.END);

        clock.advance(Duration.ofSeconds(101));

        PlayerEvent.QueueSnapshot ended = nextQueueEvent();
        assertThat(playing(ended)).isEqualTo("B");
        assertThat(ended.nowPlaying().positionMs()).isEqualTo(1_000);
        assertThat(titles(ended)).isEmpty();
    }

    @Test
    void each_guild_has_its_own_player() throws InterruptedException {
        add("1", "A", QueuePosition.END);
        add("2", "Z", QueuePosition.END);

        ok(new PlayerCommand.Skip("1"));
        PlayerEvent.QueueSnapshot first = nextQueueEvent();

        assertThat(first.guild()).isEqualTo("1");
        assertThat(playing(first)).isNull();
        assertThat(playing(ok(new PlayerCommand.NowPlaying("2")))).isEqualTo("Z");
    }

    @Test
    void a_guild_the_bot_is_not_in_is_refused_with_the_ones_it_is_in() {
        RequestFailedException refused = refused(new PlayerCommand.Skip("999"));

        assertThat(refused.code()).isEqualTo("unknown-guild");
        assertThat(refused).hasMessage("this bot plays in guilds 1, 2, not in '999': choose one of those");
    }

    @Test
    void a_command_that_cannot_be_done_now_is_refused_in_words_and_changes_nothing() throws InterruptedException {
        RequestFailedException refused = refused(new PlayerCommand.Skip("1"));
        assertThat(refused.code()).isEqualTo("nothing-playing");
        assertThat(refused).hasMessage("nothing is playing in guild 1, so there is nothing to skip: add a track first");

        add("1", "A", QueuePosition.END);
        assertThat(refused(new PlayerCommand.Remove("1", 3)).code()).isEqualTo("no-such-entry");
        assertThat(refused(new PlayerCommand.Previous("1")).code()).isEqualTo("no-previous");
        assertThat(events).as("refused commands publish nothing").isEmpty();
    }

    @Test
    void a_body_that_is_no_command_is_an_invalid_frame() {
        Reply reply = companion.requestBlocking(BOT, PlayerCommand.SUBJECT,
                Map.of("command", "repeat", "guild", "1", "mode", "forever"), WAIT);

        assertThat(reply.isOk()).isFalse();
        assertThat(reply.error().code()).isEqualTo("invalid-frame");
    }
}
