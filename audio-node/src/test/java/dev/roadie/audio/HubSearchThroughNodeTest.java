package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
import com.sedmelluq.discord.lavaplayer.track.AudioItem;
import com.sedmelluq.discord.lavaplayer.track.AudioReference;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
import com.sedmelluq.discord.lavaplayer.track.BasicAudioPlaylist;
import com.sedmelluq.discord.lavaplayer.track.DelegatedAudioTrack;
import com.sedmelluq.discord.lavaplayer.track.playback.LocalAudioTrackExecutor;
import dev.roadie.model.music.Track;
import dev.roadie.search.builtin.AudioNodeProvider;
import dev.roadie.search.http.FetchClients;
import dev.roadie.search.http.FetchPolicy;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.spi.SearchQuery;
import java.io.DataInput;
import java.io.DataOutput;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub's {@link AudioNodeProvider} searches through the node as through a Lavalink. YouTube
 * cannot be reached from the tests, so a small source manager answers {@code ytsearch:} in its
 * place, as YouTube's source plugin would.
 */
class HubSearchThroughNodeTest {
    private static final String PASSWORD = "youshallnotpass";
    private AudioNode node;

    @BeforeEach
    void start() {
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(5)), List.of(new StandInYoutube())).start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private AudioNodeProvider provider(String id, String source, String prefix, String password) {
        var endpoint = new dev.roadie.search.builtin.AudioNode("roadie-audio",
                URI.create("http://127.0.0.1:" + node.port()), password);
        Fetcher fetcher = new Fetcher(new FetchClients(Duration.ofSeconds(2)), "the audio node",
                new FetchPolicy(Duration.ofSeconds(5), 1_000_000, 3, FetchPolicy.DEFAULT_USER_AGENT), null, null);
        return new AudioNodeProvider(id, source, prefix, () -> List.of(endpoint), fetcher);
    }

    @Test
    void the_hubs_audio_node_search_finds_the_tracks_the_node_loads() throws Exception {
        List<Track> found = provider("youtube", "YouTube", "ytsearch", PASSWORD)
                .search(new SearchQuery("windowlicker", 10));
        assertThat(found).extracting(Track::title).containsExactly("windowlicker (1)", "windowlicker (2)");
        assertThat(found.getFirst().durationMs()).isEqualTo(367_000);
        assertThat(found.getFirst().uri()).isEqualTo("https://www.youtube.com/watch?v=windowlicker-1");
    }

    @Test
    void a_search_prefix_the_node_does_not_serve_finds_nothing() throws Exception {
        // Bandcamp's search goes to the network, unreachable here; a prefix nobody serves is empty.
        assertThat(provider("nowhere", "Nowhere", "nosuchsearch", PASSWORD)
                .search(new SearchQuery("windowlicker", 10))).isEmpty();
    }

    /** Answers {@code ytsearch:QUERY} with two tracks; plays nothing. */
    private static final class StandInYoutube implements AudioSourceManager {
        @Override
        public String getSourceName() {
            return "youtube";
        }

        @Override
        public AudioItem loadItem(AudioPlayerManager manager, AudioReference reference) {
            if (!reference.identifier.startsWith("ytsearch:")) {
                return null;
            }
            String query = reference.identifier.substring("ytsearch:".length());
            List<AudioTrack> tracks = List.of(track(query, 1), track(query, 2));
            return new BasicAudioPlaylist("Search results for: " + query, tracks, null, true);
        }

        private AudioTrack track(String query, int n) {
            String id = query + "-" + n;
            return new StandInTrack(new AudioTrackInfo(query + " (" + n + ")", "Aphex Twin", 367_000, id, false,
                    "https://www.youtube.com/watch?v=" + id), this);
        }

        @Override
        public boolean isTrackEncodable(AudioTrack track) {
            return true;
        }

        @Override
        public void encodeTrack(AudioTrack track, DataOutput output) {
            // nothing of its own beyond the track info
        }

        @Override
        public AudioTrack decodeTrack(AudioTrackInfo trackInfo, DataInput input) {
            return new StandInTrack(trackInfo, this);
        }

        @Override
        public void shutdown() {
            // holds nothing
        }
    }

    private static final class StandInTrack extends DelegatedAudioTrack {
        private final AudioSourceManager source;

        StandInTrack(AudioTrackInfo info, AudioSourceManager source) {
            super(info);
            this.source = source;
        }

        @Override
        public void process(LocalAudioTrackExecutor executor) {
            throw new UnsupportedOperationException("The stand-in YouTube source plays nothing");
        }

        @Override
        public AudioSourceManager getSourceManager() {
            return source;
        }
    }
}
