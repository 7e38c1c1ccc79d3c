package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;

/**
 * {@code volume}: lavaplayer's own volume curve on a 0–5 scale, as lavadsp (so Lavalink) applies it:
 * up to 1.5 the factor is {@code tan(0.79 v)}, so 1.0 is about unchanged and 0.5 is 0.41×; above 1.5
 * it grows linearly. Samples are clipped to full scale.
 */
final class VolumeFilter extends StageFilter {
    private final float factor;

    VolumeFilter(FloatPcmAudioFilter next, float volume) {
        super(next);
        this.factor = factor(volume);
    }

    static float factor(float volume) {
        return volume <= 1.5f ? (float) Math.tan(volume * 0.79f) : 24612f * volume * 100f / 150f / 10000f;
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        for (float[] channel : input) {
            for (int i = offset; i < offset + length; i++) {
                channel[i] = Math.max(-1f, Math.min(1f, channel[i] * factor));
            }
        }
        next.process(input, offset, length);
    }
}
