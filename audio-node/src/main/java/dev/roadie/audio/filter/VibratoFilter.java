package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;
import java.util.Arrays;

/**
 * {@code vibrato}: the pitch wobbles at {@code frequency} Hz (at most 14) by reading the sound
 * through a delay that swings between 3 samples and 3 + {@code depth} × 2 ms on a sine, as
 * lavadsp's; a changing delay is a changing pitch. Between samples the delay line is read with a
 * four-point Hermite curve.
 */
final class VibratoFilter extends StageFilter {
    private static final int BASE_DELAY = 3;
    /** Room for the longest delay plus the interpolation's points on either side. */
    private static final int MARGIN = 4;

    private final double step;
    private final float swing;
    private final float[][] lines;
    private int write;
    private double phase;

    VibratoFilter(FloatPcmAudioFilter next, int channels, int sampleRate, Filters.Vibrato vibrato) {
        super(next);
        this.step = 2 * Math.PI * vibrato.frequency() / sampleRate;
        int maxDelay = (int) (0.002f * sampleRate);
        this.swing = vibrato.depth() * maxDelay;
        this.lines = new float[channels][maxDelay + BASE_DELAY + MARGIN * 2];
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        int size = lines.length == 0 ? 0 : lines[0].length;
        for (int i = offset; i < offset + length; i++) {
            float delay = (float) ((Math.sin(phase) + 1) / 2) * swing + BASE_DELAY;
            phase += step;
            double read = write - 1 - delay;
            int whole = (int) Math.floor(read);
            float fraction = (float) (read - whole);
            for (int channel = 0; channel < lines.length && channel < input.length; channel++) {
                float[] line = lines[channel];
                float y0 = line[Math.floorMod(whole - 1, size)];
                float y1 = line[Math.floorMod(whole, size)];
                float y2 = line[Math.floorMod(whole + 1, size)];
                float y3 = line[Math.floorMod(whole + 2, size)];
                line[write] = input[channel][i];
                input[channel][i] = hermite(fraction, y0, y1, y2, y3);
            }
            write = (write + 1) % size;
        }
        phase %= 2 * Math.PI;
        next.process(input, offset, length);
    }

    /** The value at {@code x} (0 to 1) between {@code y1} and {@code y2}. */
    static float hermite(float x, float y0, float y1, float y2, float y3) {
        float c1 = 0.5f * (y2 - y0);
        float c2 = y0 - 2.5f * y1 + 2f * y2 - 0.5f * y3;
        float c3 = 0.5f * (y3 - y0) + 1.5f * (y1 - y2);
        return ((c3 * x + c2) * x + c1) * x + y1;
    }

    @Override
    public void seekPerformed(long requestedTime, long providedTime) {
        for (float[] line : lines) {
            Arrays.fill(line, 0f);
        }
    }
}
