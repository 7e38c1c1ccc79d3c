package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;
import java.util.Arrays;

/**
 * Plays the sound {@code ratio} times as fast (and as high): each output sample is read at a
 * fractional input position that advances by {@code ratio}, between samples on a four-point
 * Hermite curve. Speeding up would fold what lies above the new Nyquist frequency back into the
 * audible band, so above a ratio of 1 the input first passes a fourth-order Butterworth low-pass
 * at 90 % of {@code 24 kHz / ratio}.
 */
final class Resampler implements FloatPcmAudioFilter {
    private static final int CHUNK = 960;

    private final FloatPcmAudioFilter next;
    private final double ratio;
    private final Biquad[][] antiAlias;
    private final float[][] out;
    private float[][] pending;
    private int count;
    private double position;

    Resampler(FloatPcmAudioFilter next, int channels, int sampleRate, double ratio) {
        this.next = next;
        this.ratio = ratio;
        this.out = new float[channels][CHUNK];
        this.pending = new float[channels][CHUNK * 4];
        this.antiAlias = new Biquad[channels][];
        for (int channel = 0; channel < channels; channel++) {
            antiAlias[channel] = ratio <= 1.0 ? new Biquad[0] : new Biquad[] {
                Biquad.lowPass(sampleRate, 0.45 * sampleRate / ratio, 0.5412),
                Biquad.lowPass(sampleRate, 0.45 * sampleRate / ratio, 1.3066)};
        }
        reset();
    }

    private void reset() {
        // One sample of silence before the first, for the curve's point behind it.
        count = 1;
        position = 1.0;
        for (float[] channel : pending) {
            channel[0] = 0f;
        }
        for (Biquad[] filters : antiAlias) {
            for (Biquad filter : filters) {
                filter.reset();
            }
        }
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        int channels = pending.length;
        if (count + length > pending[0].length) {
            for (int channel = 0; channel < channels; channel++) {
                pending[channel] = Arrays.copyOf(pending[channel], Math.max(pending[channel].length * 2, count + length));
            }
        }
        for (int channel = 0; channel < channels; channel++) {
            float[] target = pending[channel];
            System.arraycopy(input[channel], offset, target, count, length);
            for (Biquad filter : antiAlias[channel]) {
                filter.process(target, count, length);
            }
        }
        count += length;
        int produced = 0;
        while ((int) position + 2 < count) {
            int whole = (int) position;
            float fraction = (float) (position - whole);
            for (int channel = 0; channel < channels; channel++) {
                float[] p = pending[channel];
                out[channel][produced] = VibratoFilter.hermite(fraction, p[whole - 1], p[whole], p[whole + 1],
                        p[whole + 2]);
            }
            position += ratio;
            if (++produced == CHUNK) {
                next.process(out, 0, produced);
                produced = 0;
            }
        }
        if (produced > 0) {
            next.process(out, 0, produced);
        }
        int consumed = (int) position - 1;
        if (consumed > 0) {
            for (float[] channel : pending) {
                System.arraycopy(channel, consumed, channel, 0, count - consumed);
            }
            count -= consumed;
            position -= consumed;
        }
    }

    @Override
    public void seekPerformed(long requestedTime, long providedTime) {
        reset();
    }

    @Override
    public void flush() {
        // what is held back is under three samples
    }

    @Override
    public void close() {
        // holds no resources
    }

    /** A second-order section (RBJ's cookbook low-pass), run in place. */
    static final class Biquad {
        private final double b0;
        private final double b1;
        private final double b2;
        private final double a1;
        private final double a2;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        private Biquad(double b0, double b1, double b2, double a1, double a2) {
            this.b0 = b0;
            this.b1 = b1;
            this.b2 = b2;
            this.a1 = a1;
            this.a2 = a2;
        }

        static Biquad lowPass(int sampleRate, double cutoff, double q) {
            double w = 2 * Math.PI * cutoff / sampleRate;
            double alpha = Math.sin(w) / (2 * q);
            double cos = Math.cos(w);
            double a0 = 1 + alpha;
            return new Biquad((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0,
                    (1 - alpha) / a0);
        }

        void process(float[] samples, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                double x = samples[i];
                double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
                x2 = x1;
                x1 = x;
                y2 = y1;
                y1 = y;
                samples[i] = (float) y;
            }
        }

        void reset() {
            x1 = 0;
            x2 = 0;
            y1 = 0;
            y2 = 0;
        }
    }
}
