package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.AudioFilter;
import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;
import com.sedmelluq.discord.lavaplayer.filter.PcmFilterFactory;
import com.sedmelluq.discord.lavaplayer.filter.UniversalPcmAudioFilter;
import com.sedmelluq.discord.lavaplayer.filter.equalizer.Equalizer;
import com.sedmelluq.discord.lavaplayer.format.AudioDataFormat;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Builds lavaplayer's filter chain for a set of {@link Filters}, in Lavalink's order: volume,
 * equalizer, karaoke, timescale, tremolo, vibrato, distortion, rotation, channelMix, lowPass.
 * lavaplayer builds a new chain when the player's factory changes, so one factory stands for one set
 * of filters and is never changed.
 */
public final class FilterChainFactory implements PcmFilterFactory {
    private final Filters filters;

    public FilterChainFactory(Filters filters) {
        this.filters = filters;
    }

    @Override
    public List<AudioFilter> buildChain(AudioTrack track, AudioDataFormat format, UniversalPcmAudioFilter output) {
        int channels = format.channelCount;
        int rate = format.sampleRate;
        // Built from the output end backwards, since each filter is given the one after it.
        List<Function<FloatPcmAudioFilter, FloatPcmAudioFilter>> stages = new ArrayList<>();
        if (filters.volume() != null && Math.abs(filters.volume() - 1f) >= 0.02f) {
            stages.add(next -> new VolumeFilter(next, filters.volume()));
        }
        if (filters.equalizer() != null && filters.equalizer().stream().anyMatch(band -> band.gain() != 0f)) {
            float[] gains = new float[Equalizer.BAND_COUNT];
            filters.equalizer().forEach(band -> gains[band.band()] = band.gain());
            stages.add(next -> new Equalizer(channels, next, gains));
        }
        if (filters.karaoke() != null) {
            stages.add(next -> new KaraokeFilter(next, rate, filters.karaoke()));
        }
        if (filters.timescale() != null && filters.timescale().changes()) {
            stages.add(next -> new TimescaleFilter(next, channels, rate, filters.timescale()));
        }
        if (filters.tremolo() != null && filters.tremolo().depth() > 0) {
            stages.add(next -> new TremoloFilter(next, channels, rate, filters.tremolo()));
        }
        if (filters.vibrato() != null && filters.vibrato().depth() > 0) {
            stages.add(next -> new VibratoFilter(next, channels, rate, filters.vibrato()));
        }
        if (filters.distortion() != null && filters.distortion().changes()) {
            stages.add(next -> new DistortionFilter(next, filters.distortion()));
        }
        if (filters.rotation() != null && filters.rotation().rotationHz() != 0) {
            stages.add(next -> new RotationFilter(next, rate, filters.rotation()));
        }
        if (filters.channelMix() != null && filters.channelMix().changes()) {
            stages.add(next -> new ChannelMixFilter(next, filters.channelMix()));
        }
        if (filters.lowPass() != null && filters.lowPass().smoothing() > 1f) {
            stages.add(next -> new LowPassFilter(next, channels, filters.lowPass()));
        }
        List<AudioFilter> chain = new ArrayList<>();
        FloatPcmAudioFilter next = output;
        for (int i = stages.size() - 1; i >= 0; i--) {
            next = stages.get(i).apply(next);
            chain.add(next);
        }
        // lavaplayer wants the chain's input first.
        Collections.reverse(chain);
        return chain;
    }
}
