package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;

/**
 * {@code channelMix}: each output channel is a weighted sum of both inputs; all four at 0.5 makes
 * mono, {@code leftToRight} and {@code rightToLeft} at 1 with the others 0 swaps the sides.
 */
final class ChannelMixFilter extends StageFilter {
    private final Filters.ChannelMix mix;

    ChannelMixFilter(FloatPcmAudioFilter next, Filters.ChannelMix mix) {
        super(next);
        this.mix = mix;
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        if (input.length == 2) {
            float[] left = input[0];
            float[] right = input[1];
            for (int i = offset; i < offset + length; i++) {
                float l = left[i];
                float r = right[i];
                left[i] = l * mix.leftToLeft() + r * mix.rightToLeft();
                right[i] = l * mix.leftToRight() + r * mix.rightToRight();
            }
        }
        next.process(input, offset, length);
    }
}
