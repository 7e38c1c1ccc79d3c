package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.audio.testing.JsonMessages;
import dev.roadie.voice.testing.Wav;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code filters} in {@code PATCH players}, over REST, against a node on a real port. */
class FiltersRestTest {
    private static final String PASSWORD = "youshallnotpass";
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private AudioNode node;
    private WebSocket socket;
    private String players;

    @TempDir
    Path folder;

    @BeforeEach
    void start() throws Exception {
        AudioSettings settings = new AudioSettings(Set.of(), Set.of("distortion"), null, null, null, null, null);
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(5), settings)).start();
        LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        socket = http.newWebSocketBuilder().header("Authorization", PASSWORD).header("User-Id", "42")
                .buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/v4/websocket"), new JsonMessages(messages))
                .get(10, TimeUnit.SECONDS);
        JsonNode ready = messages.poll(10, TimeUnit.SECONDS);
        assertThat(ready).isNotNull();
        players = "/v4/sessions/" + ready.get("sessionId").asString() + "/players/7";
        Path wav = folder.resolve("tone.wav");
        Files.write(wav, Wav.tone(440, 3));
        assertThat(patch("{\"track\":{\"identifier\":" + json.writeValueAsString(wav.toString()) + "}}")
                .statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        node.close();
    }

    @Test
    void filters_are_applied_and_answered_with_every_field_then_cleared_by_an_empty_object() throws Exception {
        HttpResponse<String> set = patch("{\"filters\":{\"volume\":0.8,\"timescale\":{\"pitch\":1.5},"
                + "\"equalizer\":[{\"band\":3,\"gain\":0.2}],\"lowPass\":{}}}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode filters = json.readTree(set.body()).get("filters");
        assertThat(filters.get("volume").asDouble()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(filters.get("timescale").toString()).isEqualTo("{\"speed\":1.0,\"pitch\":1.5,\"rate\":1.0}");
        assertThat(filters.get("equalizer").get(0).get("band").asInt()).isEqualTo(3);
        assertThat(filters.get("lowPass").get("smoothing").asDouble()).isEqualTo(20.0);
        assertThat(json.readTree(get(players).body()).get("filters")).isEqualTo(filters);

        HttpResponse<String> cleared = patch("{\"filters\":{}}");

        assertThat(json.readTree(cleared.body()).get("filters").toString()).isEqualTo("{}");
    }

    @Test
    void a_bad_filter_value_is_a_400_naming_the_field_and_changes_nothing() throws Exception {
        patch("{\"filters\":{\"volume\":0.5}}");

        assertError(patch("{\"filters\":{\"vibrato\":{\"frequency\":20}}}"), "filters.vibrato.frequency");
        assertError(patch("{\"filters\":{\"equalizer\":[{\"band\":15,\"gain\":0.1}]}}"), "filters.equalizer[].band");
        assertError(patch("{\"filters\":{\"timescale\":{\"speed\":0}}}"), "filters.timescale.speed");
        assertError(patch("{\"filters\":{\"volume\":\"loud\"}}"), "filters.volume must be a number");
        assertError(patch("{\"filters\":{\"tremolo\":{\"depth\":1.5}}}"), "filters.tremolo.depth");

        assertThat(json.readTree(get(players).body()).get("filters").toString()).isEqualTo("{\"volume\":0.5}");
    }

    @Test
    void a_filter_the_configuration_disabled_is_refused_with_lavalinks_message_and_left_out_of_info()
            throws Exception {
        HttpResponse<String> refused = patch("{\"filters\":{\"distortion\":{\"scale\":2},\"volume\":1.0}}");

        assertError(refused, "Following filters are disabled in the config: distortion");
        JsonNode info = json.readTree(get("/v4/info").body());
        assertThat(info.get("filters").toString()).isEqualTo("[\"volume\",\"equalizer\",\"karaoke\",\"timescale\","
                + "\"tremolo\",\"vibrato\",\"rotation\",\"channelMix\",\"lowPass\"]");
    }

    private void assertError(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asString()).isEqualTo("Bad Request");
        assertThat(body.get("message").asString()).contains(message);
        assertThat(body.get("path").asString()).isEqualTo(players);
    }

    private HttpResponse<String> patch(String body) throws Exception {
        return http.send(request(players).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .header("Authorization", PASSWORD).header("Content-Type", "application/json");
    }
}
