package dev.roadie.audio.routeplanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.http.HttpAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioReference;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.lava.extensions.youtuberotator.planner.AbstractRoutePlanner;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * lavaplayer's sources other than HTTP (SoundCloud, Bandcamp...) get the planner through their client
 * builder only. Their hosts cannot be reached from the tests, so the same routing is put on lavaplayer's
 * own HTTP source, which is configured the same way, and checked against the recording server.
 */
class RoutedSourcesTest {
    private final DefaultAudioPlayerManager manager = new DefaultAudioPlayerManager();
    private RecordingFileServer files;

    @BeforeEach
    void serve() throws Exception {
        files = new RecordingFileServer();
    }

    @AfterEach
    void stop() {
        manager.shutdown();
        files.close();
    }

    private AbstractRoutePlanner routed(String block, Strategy strategy) {
        AbstractRoutePlanner planner = RoutePlanners.create(new RoutePlannerSettings(List.of(block), List.of(),
                strategy, true, -1)).orElseThrow();
        HttpAudioSourceManager source = new HttpAudioSourceManager();
        RoutedSources.routeClient(source, planner);
        manager.registerSourceManager(source);
        return planner;
    }

    private Object load() {
        return manager.loadItemSync(new AudioReference(files.url(), null));
    }

    @Test
    void a_source_routed_by_its_client_sends_from_the_block_and_a_429_moves_the_next_request_on() {
        AbstractRoutePlanner planner = routed("127.0.2.0/24", Strategy.ROTATE_ON_BAN);
        assertThat(load()).isInstanceOf(AudioTrack.class);
        String first = files.sources(0).getFirst();
        assertThat(first).startsWith("127.0.2.");

        files.limit(first);
        // Not sent again (the source's own request filter stays), but the address is marked failing...
        assertThatThrownBy(this::load).isInstanceOf(FriendlyException.class);
        assertThat(planner.getFailingAddresses()).containsOnlyKeys("/" + first);
        // ...so that the next request goes out from another address.
        int seen = files.requests().size();
        assertThat(load()).isInstanceOf(AudioTrack.class);
        assertThat(files.sources(seen)).isNotEmpty().allSatisfy(from -> assertThat(from).startsWith("127.0.2.")
                .isNotEqualTo(first));
    }

    @Test
    void without_routing_the_source_sends_from_the_machines_address() {
        manager.registerSourceManager(new HttpAudioSourceManager());
        assertThat(load()).isInstanceOf(AudioTrack.class);
        assertThat(files.sources(0)).containsOnly("127.0.0.1");
    }
}
