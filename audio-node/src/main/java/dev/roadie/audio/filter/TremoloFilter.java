package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;

/**
 * {@code tremolo}: the level swings at {@code frequency} Hz between 1 and {@code 1 - depth}
 * (a sine, so {@code depth} 1 silences the trough), as lavadsp's.
 */
final class TremoloFilter extends StageFilter {
    private final double step;
    private final float half;
    private final double[] phases;

    TremoloFilter(FloatPcmAudioFilter next, int channels, int sampleRate, Filters.Tremolo tremolo) {
        super(next);
        this.step = 2 * Math.PI * tremolo.frequency() / sampleRate;
        this.half = tremolo.depth() / 2;
        this.phases = new double[channels];
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        for (int channel = 0; channel < input.length && channel < phases.length; channel++) {
            double phase = phases[channel];
            float[] samples = input[channel];
            for (int i = offset; i < offset + length; i++) {
                samples[i] *= (float) (1 - half + half * Math.sin(phase));
                phase += step;
            }
            phases[channel] = phase % (2 * Math.PI);
        }
        next.process(input, offset, length);
    }
}
