package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.audio.testing.JsonMessages;
import dev.roadie.voice.testing.Wav;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AudioNodeTest {
    private static final String PASSWORD = "youshallnotpass";
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private AudioNode node;
    private Path wav;

    @TempDir
    Path folder;

    @BeforeEach
    void start() throws IOException {
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofMillis(500),
                Duration.ofMillis(200))).start();
        wav = folder.resolve("tone.wav");
        Files.write(wav, Wav.tone(440, 3));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (password != null) {
            request.header("Authorization", password);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void a_request_or_socket_without_the_password_is_refused_with_401() throws Exception {
        assertThat(send("GET", "/v4/info", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v4/stats", null, "wrong").statusCode()).isEqualTo(401);
        var refused = http.newWebSocketBuilder().header("Authorization", "wrong").header("User-Id", "1")
                .buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/v4/websocket"), new WebSocket.Listener() { });
        assertThat(refused).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((java.net.http.WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
        var anonymous = http.newWebSocketBuilder().header("Authorization", PASSWORD)
                .buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/v4/websocket"), new WebSocket.Listener() { });
        assertThat(anonymous).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((java.net.http.WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(400));
    }

    @Test
    void info_and_stats_have_lavalinks_shapes() throws Exception {
        JsonNode info = get("/v4/info");
        assertThat(info.get("version").get("major").asInt()).isEqualTo(4);
        assertThat(info.get("sourceManagers")).extracting(JsonNode::asString).containsExactly("soundcloud",
                "bandcamp", "vimeo", "twitch", "niconico", "local", "http");
        assertThat(info.get("plugins").isArray()).isTrue();
        JsonNode stats = get("/v4/stats");
        assertThat(stats.get("players").asInt()).isZero();
        assertThat(stats.get("memory").get("reservable").asLong()).isPositive();
        assertThat(stats.get("cpu").get("cores").asInt()).isPositive();
        assertThat(stats.get("frameStats").isNull()).isTrue();
    }

    @Test
    void a_local_file_loads_as_a_track_whose_encoding_decodes_back() throws Exception {
        JsonNode loaded = get("/v4/loadtracks?identifier=" + query(wav.toString()));
        assertThat(loaded.get("loadType").asString()).isEqualTo("track");
        JsonNode info = loaded.get("data").get("info");
        assertThat(info.get("sourceName").asString()).isEqualTo("local");
        assertThat(info.get("length").asLong()).isEqualTo(3000);
        String encoded = loaded.get("data").get("encoded").asString();

        JsonNode decoded = get("/v4/decodetrack?encodedTrack=" + query(encoded));
        assertThat(decoded.get("info")).isEqualTo(info);
        HttpResponse<String> many = send("POST", "/v4/decodetracks", "[\"" + encoded + "\"]", PASSWORD);
        assertThat(json.readTree(many.body()).get(0).get("info")).isEqualTo(info);
    }

    @Test
    void a_track_encoded_by_hand_in_lavalinks_documented_format_decodes_to_its_info() throws Exception {
        // Lavalink's track encoding: an int header (the message size, flag 1 = versioned, in the top
        // two bits), version 3, title, author, length, identifier, isStream, uri?, artworkUrl?, isrc?,
        // sourceName, the source's own fields (the http source: its container, "wav"), the position.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeByte(3);
        out.writeUTF("Tone");
        out.writeUTF("Roadie");
        out.writeLong(3000);
        out.writeUTF("http://example.test/tone.wav");
        out.writeBoolean(false);
        out.writeBoolean(true);
        out.writeUTF("http://example.test/tone.wav");
        out.writeBoolean(false);
        out.writeBoolean(true);
        out.writeUTF("GBARY0700251");
        out.writeUTF("http");
        out.writeUTF("wav");
        out.writeLong(0);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        DataOutputStream framed = new DataOutputStream(message);
        framed.writeInt(body.size() | (1 << 30));
        framed.write(body.toByteArray());
        String encoded = Base64.getEncoder().encodeToString(message.toByteArray());

        JsonNode info = get("/v4/decodetrack?encodedTrack=" + query(encoded)).get("info");
        assertThat(info.get("title").asString()).isEqualTo("Tone");
        assertThat(info.get("author").asString()).isEqualTo("Roadie");
        assertThat(info.get("length").asLong()).isEqualTo(3000);
        assertThat(info.get("uri").asString()).isEqualTo("http://example.test/tone.wav");
        assertThat(info.get("artworkUrl").isNull()).isTrue();
        assertThat(info.get("isrc").asString()).isEqualTo("GBARY0700251");
        assertThat(info.get("sourceName").asString()).isEqualTo("http");
    }

    @Test
    void without_a_route_planner_its_status_is_204_and_freeing_is_refused_as_on_lavalink() throws Exception {
        assertThat(send("GET", "/v4/routeplanner/status", null, PASSWORD).statusCode()).isEqualTo(204);
        HttpResponse<String> free = send("POST", "/v4/routeplanner/free/all", null, PASSWORD);
        assertThat(free.statusCode()).isEqualTo(500);
        assertThat(json.readTree(free.body()).get("message").asString()).isEqualTo("Can't access disabled route planner");
    }

    @Test
    void a_search_prefix_no_source_here_serves_is_empty_as_on_lavalink() throws Exception {
        JsonNode loaded = get("/v4/loadtracks?identifier=" + query("ytsearch:windowlicker"));
        assertThat(loaded.get("loadType").asString()).isEqualTo("empty");
        assertThat(loaded.get("data").isEmpty()).isTrue();
    }

    @Test
    void errors_have_lavalinks_json_and_the_trace_only_when_asked() throws Exception {
        HttpResponse<String> plain = send("GET", "/v4/sessions/nope/players", null, PASSWORD);
        assertThat(plain.statusCode()).isEqualTo(404);
        JsonNode error = json.readTree(plain.body());
        assertThat(error.get("status").asInt()).isEqualTo(404);
        assertThat(error.get("error").asString()).isEqualTo("Not Found");
        assertThat(error.get("message").asString()).isEqualTo("Session not found");
        assertThat(error.get("path").asString()).isEqualTo("/v4/sessions/nope/players");
        assertThat(error.has("timestamp")).isTrue();
        assertThat(error.has("trace")).isFalse();
        JsonNode traced = json.readTree(send("GET", "/v4/sessions/nope/players?trace=true", null, PASSWORD).body());
        assertThat(traced.get("trace").asString()).contains("LavalinkException");
        assertThat(send("GET", "/v4/decodetrack?encodedTrack=bad!", null, PASSWORD).statusCode()).isEqualTo(400);
    }

    @Test
    void a_socket_session_plays_pauses_seeks_and_stops_a_track_with_events() throws Exception {
        LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", PASSWORD).header("User-Id", "42")
                .header("Client-Name", "roadie-test/1")
                .buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/v4/websocket"), new JsonMessages(messages))
                .get(10, TimeUnit.SECONDS);
        JsonNode ready = next(messages, "ready");
        assertThat(ready.get("resumed").asBoolean()).isFalse();
        String players = "/v4/sessions/" + ready.get("sessionId").asString() + "/players/7";

        HttpResponse<String> played = send("PATCH", players, "{\"track\":{\"identifier\":" + json.writeValueAsString(
                wav.toString()) + ",\"userData\":{\"by\":\"me\"}},\"volume\":50,"
                // No token yet: a complete voice state would connect, and the track wait for that (VoiceEndToEndTest).
                + "\"voice\":{\"token\":\"\",\"endpoint\":\"e\",\"sessionId\":\"s\",\"channelId\":\"9\"}}", PASSWORD);
        assertThat(played.statusCode()).as(played.body()).isEqualTo(200);
        JsonNode start = next(messages, "TrackStartEvent");
        assertThat(start.get("guildId").asString()).isEqualTo("7");
        assertThat(start.get("track").get("userData").get("by").asString()).isEqualTo("me");
        JsonNode update = next(messages, "playerUpdate");
        while (update.get("state").get("position").asLong() == 0) {
            update = next(messages, "playerUpdate"); // the first may come before the first frame
        }
        assertThat(update.get("guildId").asString()).isEqualTo("7");
        JsonNode stats = next(messages, "stats");
        assertThat(stats.get("playingPlayers").asInt()).isEqualTo(1);
        assertThat(stats.get("frameStats").get("sent").asLong()).isPositive();

        Path other = folder.resolve("other.wav");
        Files.write(other, Wav.tone(880, 3));
        String otherTrack = "{\"track\":{\"identifier\":" + json.writeValueAsString(other.toString()) + "}}";
        JsonNode kept = json.readTree(send("PATCH", players + "?noReplace=true", otherTrack, PASSWORD).body());
        assertThat(kept.get("track").get("info").get("identifier").asString()).isEqualTo(wav.toString());
        JsonNode replaced = json.readTree(send("PATCH", players, otherTrack, PASSWORD).body());
        assertThat(replaced.get("track").get("info").get("identifier").asString()).isEqualTo(other.toString());
        assertThat(next(messages, "TrackEndEvent").get("reason").asString()).isEqualTo("replaced");
        // The new track plays once its first frame is pulled, and a seek is taken from then on. The
        // queue may still hold an update of the old track, so ask the player itself.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode now = get(players);
            return now.get("track").get("info").get("identifier").asString().equals(other.toString())
                    && now.get("state").get("position").asLong() > 0;
        });

        JsonNode paused = json.readTree(send("PATCH", players, "{\"paused\":true,\"position\":2000}", PASSWORD).body());
        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(paused.get("volume").asInt()).isEqualTo(50);
        assertThat(paused.get("voice").get("channelId").asString()).isEqualTo("9");
        JsonNode got = get(players);
        assertThat(got.get("state").get("position").asLong()).isBetween(2000L, 2100L);

        send("PATCH", players, "{\"track\":{\"encoded\":null}}", PASSWORD);
        JsonNode end = next(messages, "TrackEndEvent");
        assertThat(end.get("reason").asString()).isEqualTo("stopped");
        assertThat(send("DELETE", players, null, PASSWORD).statusCode()).isEqualTo(204);
        assertThat(send("GET", players, null, PASSWORD).statusCode()).isEqualTo(404);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void an_end_time_finishes_the_track_and_a_resumed_session_gets_what_it_missed() throws Exception {
        LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        URI uri = URI.create("ws://127.0.0.1:" + node.port() + "/v4/websocket");
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", PASSWORD).header("User-Id", "42")
                .buildAsync(uri, new JsonMessages(messages)).get(10, TimeUnit.SECONDS);
        String sessionId = next(messages, "ready").get("sessionId").asString();
        JsonNode resuming = json.readTree(send("PATCH", "/v4/sessions/" + sessionId,
                "{\"resuming\":true,\"timeout\":30}", PASSWORD).body());
        assertThat(resuming.get("resuming").asBoolean()).isTrue();
        assertThat(resuming.get("timeout").asLong()).isEqualTo(30);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "away").get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> socket.isInputClosed());

        String players = "/v4/sessions/" + sessionId + "/players/8";
        assertThat(send("PATCH", players, "{\"track\":{\"identifier\":" + json.writeValueAsString(wav.toString())
                + "},\"endTime\":300}", PASSWORD).statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> json.readTree(send("GET", players, null, PASSWORD).body()).get("track").isNull());

        LinkedBlockingQueue<JsonNode> resumed = new LinkedBlockingQueue<>();
        http.newWebSocketBuilder().header("Authorization", PASSWORD).header("User-Id", "42")
                .header("Session-Id", sessionId).buildAsync(uri, new JsonMessages(resumed)).get(10, TimeUnit.SECONDS);
        assertThat(next(resumed, "ready").get("resumed").asBoolean()).isTrue();
        assertThat(next(resumed, "TrackStartEvent").get("guildId").asString()).isEqualTo("8");
        assertThat(next(resumed, "TrackEndEvent").get("reason").asString()).isEqualTo("finished");
    }

    /** The next message of {@code kind} (an op, or an event's type), skipping others; fails after 10 s. */
    private static JsonNode next(LinkedBlockingQueue<JsonNode> messages, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message != null && (kind.equals(message.path("op").asString())
                    || kind.equals(message.path("type").asString()))) {
                return message;
            }
        }
        throw new AssertionError("No " + kind + " message within 10 s");
    }
}
