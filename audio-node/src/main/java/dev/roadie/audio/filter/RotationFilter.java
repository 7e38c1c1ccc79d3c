package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;

/**
 * {@code rotation}: pans the sound around the listener at {@code rotationHz}: the left channel is
 * scaled by {@code (1 + sin x) / 2} and the right by {@code (1 - sin x) / 2}, so the level moves
 * from one side to the other and back once per cycle. Stereo only, as lavadsp's.
 */
final class RotationFilter extends StageFilter {
    private final double step;
    private double x;

    RotationFilter(FloatPcmAudioFilter next, int sampleRate, Filters.Rotation rotation) {
        super(next);
        this.step = 2 * Math.PI * rotation.rotationHz() / sampleRate;
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        if (input.length == 2) {
            float[] left = input[0];
            float[] right = input[1];
            for (int i = offset; i < offset + length; i++) {
                double sin = Math.sin(x);
                left[i] *= (float) ((1 + sin) / 2);
                right[i] *= (float) ((1 - sin) / 2);
                x += step;
            }
            x %= 2 * Math.PI;
        }
        next.process(input, offset, length);
    }
}
