package dev.roadie.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.cli.RoadieCommand;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.Track;
import dev.roadie.model.wire.Address;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code roadie demo-bot} as a person runs it, against a real hub. */
class DemoBotCommandTest {
    @TempDir
    Path data;
    LiveHub hub;
    final Clients clients = new Clients();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CommandLine roadie = RoadieCommand.commandLine();

    @BeforeEach
    void start() {
        hub = LiveHub.start(data);
        roadie.setOut(new PrintWriter(out, true));
        roadie.setErr(new PrintWriter(err, true));
    }

    @AfterEach
    void stop() {
        clients.close();
        hub.close();
    }

    CompletableFuture<Integer> run(String... args) {
        return CompletableFuture.supplyAsync(() -> roadie.execute(args),
                runnable -> Thread.ofPlatform().name("roadie-demo-bot-test").start(runnable));
    }

    DemoBotCommand command() {
        return roadie.getSubcommands().get("demo-bot").getCommand();
    }

    @Test
    void the_bot_answers_for_its_guilds_until_it_is_stopped() throws Exception {
        String token = hub.token("party", "music-bot", "publish:player.*", "announce:music-bot", "search");
        CompletableFuture<Integer> exit = run("demo-bot", "--hub", hub.uri().toString(), "--token", token,
                "--name", "party", "--guilds", "111, 222");
        await().atMost(Clients.WAIT).until(() -> out.toString().contains("is ready"));
        assertThat(out.toString()).contains("music-bot/party is ready in guilds 111, 222 (no audio)");

        RoadieClient companion = clients.connect(hub, "alice", "desktop", "send:music-bot");
        Track track = new Track("Paper Boats", "Harbour Lights", null, 202_000, null, null, "test", null, false);
        PlayerEvent.QueueSnapshot snapshot = companion.requestBlocking(Address.service("music-bot", "party"),
                PlayerCommand.SUBJECT, new PlayerCommand.Add("222", track, null, null, "alice"), Clients.WAIT)
                .as(PlayerEvent.QueueSnapshot.class);
        assertThat(snapshot.nowPlaying().track()).isEqualTo(track);

        command().stop();
        assertThat(exit.get(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS)).as(err.toString()).isZero();
    }

    @Test
    void a_token_that_may_not_announce_a_music_bot_is_refused_with_what_to_do() throws Exception {
        String token = hub.token("alice", "desktop", "send:music-bot");

        int exit = run("demo-bot", "--hub", hub.uri().toString(), "--token", token)
                .get(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("roadie demo-bot: the bot could not announce itself: forbidden: this token lacks the scope"
                + " announce:music-bot").contains("(give it a token of the music-bot kind: roadie token create --kind"
                + " music-bot --name demo)");
    }

    @Test
    void a_blank_guild_is_a_usage_error() {
        int exit = roadie.execute("demo-bot", "--hub", hub.uri().toString(), "--token", "t", "--guilds", "1,,2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--guilds: a guild id cannot be blank");
    }

    @Test
    void a_guild_id_that_cannot_be_in_a_topic_is_a_usage_error() {
        int exit = roadie.execute("demo-bot", "--hub", hub.uri().toString(), "--token", "t", "--guilds", "my guild");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--guilds: a guild id is 1 to 64 letters, digits, '_', ':' or '-'"
                + " (Discord's are digits), not 'my guild'");
    }
}
