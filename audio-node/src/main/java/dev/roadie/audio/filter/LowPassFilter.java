package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;

/**
 * {@code lowPass}: a one-pole smoother, each output moving {@code 1/smoothing} of the way to the
 * input, as lavadsp's; at 48 kHz the default 20 cuts from about 390 Hz at 6 dB an octave.
 */
final class LowPassFilter extends StageFilter {
    private final float smoothing;
    private final float[] values;
    private boolean started;

    LowPassFilter(FloatPcmAudioFilter next, int channels, Filters.LowPass lowPass) {
        super(next);
        this.smoothing = lowPass.smoothing();
        this.values = new float[channels];
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        if (!started && length > 0) {
            // Starting from the first sample rather than silence avoids a click at the start.
            for (int channel = 0; channel < values.length && channel < input.length; channel++) {
                values[channel] = input[channel][offset];
            }
            started = true;
        }
        for (int channel = 0; channel < values.length && channel < input.length; channel++) {
            float value = values[channel];
            float[] samples = input[channel];
            for (int i = offset; i < offset + length; i++) {
                value += (samples[i] - value) / smoothing;
                samples[i] = value;
            }
            values[channel] = value;
        }
        next.process(input, offset, length);
    }

    @Override
    public void seekPerformed(long requestedTime, long providedTime) {
        started = false;
    }
}
