package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;

/**
 * {@code distortion}: each sample {@code s} becomes
 * {@code offset + scale * (sinOffset + sin(s sinScale)) (cosOffset + cos(s cosScale)) (tanOffset + tan(s tanScale))},
 * clipped to full scale, lavadsp's formula with all three functions on, as Lavalink has them.
 */
final class DistortionFilter extends StageFilter {
    private final Filters.Distortion d;

    DistortionFilter(FloatPcmAudioFilter next, Filters.Distortion distortion) {
        super(next);
        this.d = distortion;
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        for (float[] samples : input) {
            for (int i = offset; i < offset + length; i++) {
                float s = samples[i];
                double sin = d.sinOffset() + Math.sin(s * d.sinScale());
                double cos = d.cosOffset() + Math.cos(s * d.cosScale());
                double tan = d.tanOffset() + Math.tan(s * d.tanScale());
                samples[i] = (float) Math.max(-1, Math.min(1, d.offset() + d.scale() * sin * cos * tan));
            }
        }
        next.process(input, offset, length);
    }
}
