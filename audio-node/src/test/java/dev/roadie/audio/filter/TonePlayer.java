package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.PcmFilterFactory;
import com.sedmelluq.discord.lavaplayer.format.StandardAudioDataFormats;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayer;
import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.AudioSourceManagers;
import com.sedmelluq.discord.lavaplayer.track.AudioItem;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.playback.AudioFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * lavaplayer playing a local file with its output set to 16-bit PCM (the node's is Opus), so that
 * the tests read the samples each 20 ms frame carries, as a voice connection would pull them.
 */
public final class TonePlayer implements AutoCloseable {
    private final DefaultAudioPlayerManager manager = new DefaultAudioPlayerManager();
    private final AudioPlayer player;

    public TonePlayer() {
        manager.getConfiguration().setOutputFormat(StandardAudioDataFormats.DISCORD_PCM_S16_LE);
        manager.getConfiguration().setFilterHotSwapEnabled(true);
        AudioSourceManagers.registerLocalSource(manager);
        player = manager.createPlayer();
    }

    public DefaultAudioPlayerManager manager() {
        return manager;
    }

    public AudioPlayer player() {
        return player;
    }

    /** Loads {@code file} as a track. */
    public AudioTrack load(Path file) {
        AudioItem item = manager.loadItemSync(file.toString());
        if (!(item instanceof AudioTrack track)) {
            throw new IllegalStateException(file + " did not load as a track: " + item);
        }
        return track;
    }

    /** Decodes a PCM frame into {@code [channel][sample]}. */
    public static float[][] samples(AudioFrame frame) {
        ShortBuffer shorts = ByteBuffer.wrap(frame.getData()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        int samples = shorts.remaining() / 2;
        float[][] channels = new float[2][samples];
        for (int i = 0; i < samples; i++) {
            channels[0][i] = shorts.get() / 32768f;
            channels[1][i] = shorts.get() / 32768f;
        }
        return channels;
    }

    TonePlayer play(Path file, PcmFilterFactory filters) {
        player.setFilterFactory(filters);
        player.startTrack(load(file), false);
        return this;
    }

    TonePlayer play(Path file, String filtersJson) {
        return play(file, new FilterChainFactory(Filters.parse(Json.read(filtersJson), List.of())));
    }

    /** The next frame's samples, {@code [channel][sample]}, waiting for it at most 5 s. */
    public float[][] frame() throws InterruptedException, TimeoutException {
        AudioFrame frame = player.provide(5, TimeUnit.SECONDS);
        if (frame == null) {
            throw new TimeoutException("No frame within 5 s; the track " + (player.getPlayingTrack() == null
                    ? "has ended" : "plays"));
        }
        return samples(frame);
    }

    /** The next {@code seconds} of sound, {@code [channel][sample]}. */
    float[][] take(double seconds) throws InterruptedException, TimeoutException {
        int wanted = (int) (Pcm.RATE * seconds);
        float[][] all = new float[2][wanted];
        int have = 0;
        while (have < wanted) {
            float[][] frame = frame();
            int n = Math.min(frame[0].length, wanted - have);
            System.arraycopy(frame[0], 0, all[0], have, n);
            System.arraycopy(frame[1], 0, all[1], have, n);
            have += n;
        }
        return all;
    }

    /** How many frames come until the track ends. */
    int framesToEnd() throws InterruptedException, TimeoutException {
        List<AudioFrame> frames = new ArrayList<>();
        while (true) {
            AudioFrame frame = player.provide(2, TimeUnit.SECONDS);
            if (frame == null) {
                return frames.size();
            }
            if (!frame.isTerminator()) {
                frames.add(frame);
            }
        }
    }

    @Override
    public void close() {
        player.destroy();
        manager.shutdown();
    }
}
