package dev.roadie.audio.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.arbjerg.lavalink.client.LavalinkClient;
import dev.arbjerg.lavalink.client.LavalinkNode;
import dev.arbjerg.lavalink.client.NodeOptions;
import dev.arbjerg.lavalink.client.event.TrackEndEvent;
import dev.arbjerg.lavalink.client.player.LavalinkLoadResult;
import dev.arbjerg.lavalink.client.player.Track;
import dev.arbjerg.lavalink.client.player.TrackLoaded;
import dev.arbjerg.lavalink.protocol.v4.Message;
import dev.arbjerg.lavalink.protocol.v4.VoiceState;
import dev.roadie.audio.AudioNode;
import dev.roadie.audio.AudioNodeConfig;
import dev.roadie.audio.AudioSettings;
import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.gateway.GatewayOptions;
import dev.roadie.voice.testing.AudioMeasure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node started with a plugins folder built at test time: the tone plugin (with an older commons-io
 * than the node's), the youtube-source stand-in and a broken jar. Its source loads, decodes and plays
 * through the real {@code lavalink-client} to the fake Discord voice server, which hears the tone.
 */
class PluginSourceNodeTest {
    private static final String PASSWORD = "youshallnotpass";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();
    private AudioNode node;
    private LavalinkClient client;
    private FakeDiscordVoiceServer voice;

    @AfterEach
    void stop() throws InterruptedException {
        // The node before the voice server, so that it does not try to resume a call the server ended.
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
        if (voice != null) {
            voice.close();
        }
    }

    private void start(Set<String> disabledSources) throws Exception {
        Path plugins = folder.resolve("plugins");
        PluginJars.toneSource(plugins);
        Path youtube = Files.createDirectories(plugins.resolve("youtube"));
        PluginJars.build(youtube.resolve("common-1.13.3.jar"), PluginSources.YOUTUBE, List.of(), Map.of(),
                PluginJars.olderCommonsIo());
        Files.copy(PluginJars.olderCommonsIo(), youtube.resolve("commons-io-2.11.0.jar"));
        Files.writeString(plugins.resolve("half-downloaded.jar"), "PK");
        SourcePlugins loaded = SourcePlugins.load(new PluginSettings(plugins, List.of(), new YoutubePlugin(true, null)));
        assertThat(loaded.broken()).extracting(BrokenPlugin::name).containsExactly("half-downloaded");
        AudioSettings audio = new AudioSettings(disabledSources, Set.of(), null, null, null, null, null);
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60), Duration.ofSeconds(1),
                audio), loaded, GatewayOptions.DEFAULTS).start();
    }

    @Test
    void info_lists_the_plugins_and_their_sources_in_lavalinks_order() throws Exception {
        start(Set.of());

        JsonNode info = get("/v4/info");
        assertThat(info.get("sourceManagers")).extracting(JsonNode::asString).containsExactly("youtube", "soundcloud",
                "bandcamp", "vimeo", "twitch", "niconico", "local", "testsrc", "http");
        assertThat(info.get("plugins").toString()).isEqualTo(
                "[{\"name\":\"testsrc\",\"version\":\"1.0.0\"},{\"name\":\"youtube\",\"version\":\"1.13.3\"}]");
        assertThat(node.selfInfo().plugins()).extracting(p -> p.name() + " " + p.version())
                .containsExactly("testsrc 1.0.0", "youtube 1.13.3");
    }

    @Test
    void a_testsrc_track_loads_with_the_plugins_own_commons_io_and_its_track_string_decodes() throws Exception {
        start(Set.of());

        JsonNode loaded = get("/v4/loadtracks?identifier=" + URLEncoder.encode("testsrc:440", StandardCharsets.UTF_8));
        assertThat(loaded.get("loadType").asString()).isEqualTo("track");
        JsonNode track = loaded.get("data");
        assertThat(track.get("info").get("sourceName").asString()).isEqualTo("testsrc");
        assertThat(track.get("info").get("title").asString()).isEqualTo("Tone 440 Hz");
        assertThat(track.get("info").get("author").asString()).as("the plugin's commons-io, not the node's 2.13.0")
                .isEqualTo("commons-io 2.11.0");

        JsonNode decoded = get("/v4/decodetrack?encodedTrack="
                + URLEncoder.encode(track.get("encoded").asString(), StandardCharsets.UTF_8));
        assertThat(decoded.get("info")).isEqualTo(track.get("info"));
        assertThat(get("/v4/loadtracks?identifier=ytsearch%3Aanything").get("data").get("info").get("author")
                .asString()).isEqualTo("allowSearch=true, commons-io 2.11.0");
    }

    @Test
    void a_testsrc_track_plays_to_the_voice_server_as_its_tone() throws Exception {
        start(Set.of());
        LinkedBlockingQueue<TrackEndEvent> ends = new LinkedBlockingQueue<>();
        voice = FakeDiscordVoiceServer.start(0x0D09);
        client = new LavalinkClient(105L);
        {
            client.on(TrackEndEvent.class).subscribe(ends::add);
            LavalinkNode lavalink = client.addNode(new NodeOptions.Builder().setName("roadie")
                    .setServerUri("ws://127.0.0.1:" + node.port()).setPassword(PASSWORD).build());
            await().atMost(WAIT).until(lavalink::getAvailable);
            LavalinkLoadResult result = lavalink.loadItem("testsrc:440").block(WAIT);
            assertThat(result).isInstanceOf(TrackLoaded.class);
            Track track = ((TrackLoaded) result).getTrack();

            lavalink.updatePlayer(43L, update -> update.setVoiceState(new VoiceState("token", voice.endpoint(), "session-1"))
                    .setTrack(track)).block(WAIT);

            TrackEndEvent end = ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).isNotNull();
            assertThat(end.getEndReason()).isEqualTo(Message.EmittedEvent.TrackEndEvent.AudioTrackEndReason.FINISHED);
            await().atMost(WAIT).until(() -> voice.clientAudio().silenceCount() == 5);
            assertThat(voice.clientAudio().audioArrivals().size()).as("3 s of 20 ms frames").isBetween(148, 151);
            assertThat(AudioMeasure.frequency(AudioMeasure.skipFrames(voice.clientAudio().pcm(), 5)))
                    .isCloseTo(440.0, within(2.0));
        }
    }

    @Test
    void lavalink_server_sources_turns_a_plugins_source_off() throws Exception {
        start(Set.of("testsrc"));

        assertThat(get("/v4/info").get("sourceManagers").toString()).doesNotContain("testsrc").contains("youtube");
        assertThat(get("/v4/loadtracks?identifier=testsrc%3A440").get("loadType").asString()).isEqualTo("empty");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .header("Authorization", PASSWORD).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
