package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;

/**
 * {@code karaoke}: removes what is panned to the centre (usually the voice) by taking each channel
 * less {@code level} times the other, then adds back the centre's own band around
 * {@code filterBand} Hz (a two-pole resonator {@code filterWidth} Hz wide, scaled by
 * {@code monoLevel}) so that the bass survives. Stereo only, as lavadsp's.
 */
final class KaraokeFilter extends StageFilter {
    private final float level;
    private final float monoLevel;
    private final float a;
    private final float b;
    private final float c;
    private float y1;
    private float y2;

    KaraokeFilter(FloatPcmAudioFilter next, int sampleRate, Filters.Karaoke karaoke) {
        super(next);
        this.level = karaoke.level();
        this.monoLevel = karaoke.monoLevel();
        double pole = Math.exp(-2 * Math.PI * karaoke.filterWidth() / sampleRate);
        double cosine = -4 * pole / (1 + pole) * Math.cos(2 * Math.PI * karaoke.filterBand() / sampleRate);
        this.c = (float) pole;
        this.b = (float) cosine;
        this.a = (float) (Math.sqrt(1 - cosine * cosine / (4 * pole)) * (1 - pole));
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        if (input.length == 2) {
            float[] left = input[0];
            float[] right = input[1];
            for (int i = offset; i < offset + length; i++) {
                float l = left[i];
                float r = right[i];
                float y = a * ((l + r) / 2f) - b * y1 - c * y2;
                y2 = y1;
                y1 = y;
                float centre = y * monoLevel * level;
                left[i] = l - r * level + centre;
                right[i] = r - l * level + centre;
            }
        }
        next.process(input, offset, length);
    }

    @Override
    public void seekPerformed(long requestedTime, long providedTime) {
        y1 = 0;
        y2 = 0;
    }
}
