package dev.roadie.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.cli.RoadieCommand;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.hub.Hub;
import dev.roadie.hub.auth.TokenInfo;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.Track;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code roadie serve --demo}: bundled music to search and a stand-in bot, with no network. */
class DemoServeTest {
    @TempDir
    Path data;

    @Test
    void serve_demo_starts_the_bot_beside_the_hub() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var roadie = RoadieCommand.commandLine();
        roadie.setOut(new PrintWriter(out, true));
        roadie.setErr(new PrintWriter(err, true));

        int exit = roadie.execute("serve", "--demo", "--check", "--host", "127.0.0.1", "--port", "0",
                "--data", data.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Demo: music-bot/demo plays (silently) in guilds 1, 2;")
                .contains("roadie: check passed");
    }

    @Test
    void the_hub_searches_the_bundled_music_and_the_bot_queues_from_it() throws Exception {
        DemoServe demo = new DemoServe();
        Map<String, String> settings = new HashMap<>(demo.prepare());
        settings.putAll(Map.of("host", "127.0.0.1", "port", "0", "data", data.toString()));
        StringWriter out = new StringWriter();
        try (Hub hub = Hub.start(ConfigLoader.load(null, data, Map.of(), settings));
                Clients clients = new Clients()) {
            AutoCloseable parts = demo.start(hub, new PrintWriter(out, true));
            String alice = hub.context().tokens().create("alice", "desktop", List.of("search", "send:music-bot")).token();

            JsonNode answer = search(hub, alice, "harbour lights");
            assertThat(answer.path("tracks")).extracting(track -> track.path("title").asString())
                    .containsExactlyInAnyOrder("Paper Boats", "Lantern Season", "Salt on the Window");
            assertThat(answer.path("providers").path(0).path("status").asString()).isEqualTo("ok");

            RoadieClient companion = clients.create(Clients.base(alice).hub("ws://127.0.0.1:" + hub.port() + "/ws").build());
            Track queued = companion.requestBlocking(Address.oneOf("music-bot"), PlayerCommand.SUBJECT,
                    new PlayerCommand.Add("1", null, "forty winks", null, "alice"), Clients.WAIT)
                    .as(PlayerEvent.QueueSnapshot.class).nowPlaying().track();
            assertThat(queued.title()).isEqualTo("Forty Winks");
            assertThat(queued.durationMs()).isEqualTo(37_000);

            parts.close();
            assertThat(hub.context().tokens().list()).filteredOn(token -> token.name().equals("demo"))
                    .extracting(TokenInfo::revokedAt).as("the bot's token ends with the demo").doesNotContainNull();
        }
    }

    private static JsonNode search(Hub hub, String token, String query) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port()
                    + "/api/search?q=" + query.replace(" ", "+"))).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return FrameCodec.DEFAULT.mapper().readTree(response.body());
        }
    }
}
