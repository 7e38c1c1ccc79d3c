package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;

/**
 * {@code timescale}, with SoundTouch's meaning of its three values (SoundTouch is what lavadsp
 * wraps): {@code rate} resamples (faster and higher together), {@code pitch} changes the pitch and
 * not the length, {@code speed} changes the length and not the pitch. Two stages do it: a
 * {@link TimeStretcher} changes the length by {@code speed / pitch} without touching the pitch, then
 * a {@link Resampler} plays the result {@code pitch × rate} times as fast. The sound comes out
 * {@code speed × rate} times as fast and {@code pitch × rate} times as high.
 */
final class TimescaleFilter implements FloatPcmAudioFilter {
    private final TimeStretcher stretcher;
    private final Resampler resampler;
    private final FloatPcmAudioFilter first;

    TimescaleFilter(FloatPcmAudioFilter next, int channels, int sampleRate, Filters.Timescale timescale) {
        double tempo = timescale.speed() / timescale.pitch();
        double ratio = timescale.pitch() * timescale.rate();
        this.resampler = ratio == 1.0 ? null : new Resampler(next, channels, sampleRate, ratio);
        FloatPcmAudioFilter afterStretch = resampler == null ? next : resampler;
        this.stretcher = tempo == 1.0 ? null : new TimeStretcher(afterStretch, channels, sampleRate, tempo);
        this.first = stretcher == null ? afterStretch : stretcher;
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        first.process(input, offset, length);
    }

    @Override
    public void seekPerformed(long requestedTime, long providedTime) {
        if (stretcher != null) {
            stretcher.seekPerformed(requestedTime, providedTime);
        }
        if (resampler != null) {
            resampler.seekPerformed(requestedTime, providedTime);
        }
    }

    @Override
    public void flush() throws InterruptedException {
        if (stretcher != null) {
            stretcher.flush();
        }
    }

    @Override
    public void close() {
        // holds no resources
    }
}
