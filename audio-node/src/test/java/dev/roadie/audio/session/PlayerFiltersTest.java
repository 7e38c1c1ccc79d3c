package dev.roadie.audio.session;

import static dev.roadie.audio.filter.Pcm.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sedmelluq.discord.lavaplayer.track.InternalAudioTrack;
import com.sedmelluq.discord.lavaplayer.track.playback.AudioFrame;
import com.sedmelluq.discord.lavaplayer.track.playback.AudioFrameBuffer;
import com.sedmelluq.discord.lavaplayer.track.playback.LocalAudioTrackExecutor;
import dev.roadie.audio.filter.Filters;
import dev.roadie.audio.filter.Pcm;
import dev.roadie.audio.filter.TonePlayer;
import dev.roadie.audio.track.TrackCodec;
import dev.roadie.audio.track.TrackJson;
import dev.roadie.audio.track.TrackLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A player's filters change while its track plays, and are heard at once though lavaplayer has
 * seconds of audio decoded ahead. Frames are pulled every 20 ms, as a voice connection pulls them.
 */
class PlayerFiltersTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final TonePlayer tones = new TonePlayer();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final LinkedBlockingQueue<Pulled> frames = new LinkedBlockingQueue<>();
    private long changedAt;

    /** A frame and when it was pulled. */
    private record Pulled(AudioFrame frame, long nanos) {
    }

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        clock.shutdownNow();
        tones.close();
    }

    @Test
    void a_filter_change_is_heard_within_a_few_frames_though_seconds_are_buffered_and_an_empty_set_clears_it()
            throws Exception {
        Path wav = Pcm.stereoWav(folder.resolve("tone.wav"), 30, sine(440, 0.5), sine(440, 0.5));
        TrackJson tracks = new TrackJson(json, new TrackCodec(tones.manager()));
        Player player = new Player("1", tones.player(), json, tracks,
                new TrackLoader(tones.manager(), json, tracks), event -> { });
        player.play(tones.load(wav), false, null);
        AudioFrameBuffer buffer = ((LocalAudioTrackExecutor) ((InternalAudioTrack) player.playing())
                .getActiveExecutor()).getAudioBuffer();
        clock.scheduleAtFixedRate(() -> {
            AudioFrame frame = player.pullFrame();
            if (frame != null) {
                frames.add(new Pulled(frame, System.nanoTime()));
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        // lavaplayer decodes up to 5 s ahead: once it has, an unfiltered change would be heard 250 frames late.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> buffer.getRemainingCapacity() < buffer.getFullCapacity() / 2);
        double level = Pcm.rms(TonePlayer.samples(next().frame())[0]);

        changedAt = System.nanoTime();
        player.filters(Filters.parse(json.readTree("{\"volume\":0.587}"), List.of()));
        long toHalf = millisUntil(rms -> rms < level * 0.6);

        changedAt = System.nanoTime();
        player.filters(Filters.NONE);
        long toWhole = millisUntil(rms -> rms > level * 0.95);

        // Heard in the time lavaplayer takes to decode again from where playback is: tens of
        // milliseconds, a frame or two; not after the 5 s it had buffered.
        assertThat(toHalf).as("ms before the volume was heard").isLessThan(500);
        assertThat(toWhole).as("ms before the cleared filters were heard").isLessThan(500);
        assertThat(player.toJson().get("filters").toString()).isEqualTo("{}");
    }

    private Pulled next() throws InterruptedException {
        Pulled frame = frames.poll(5, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 5 s").isNotNull();
        return frame;
    }

    /** How long after the change a frame whose level passes {@code test} was pulled; fails after 300 frames (6 s). */
    private long millisUntil(DoublePredicate test) throws InterruptedException {
        for (int count = 0; count < 300; count++) {
            Pulled pulled = next();
            if (pulled.nanos() < changedAt) {
                continue;
            }
            if (test.test(Pcm.rms(TonePlayer.samples(pulled.frame())[0]))) {
                return TimeUnit.NANOSECONDS.toMillis(pulled.nanos() - changedAt);
            }
        }
        throw new AssertionError("The change was not heard within 300 frames");
    }
}
