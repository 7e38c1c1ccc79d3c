package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;
import java.util.Arrays;

/**
 * Changes the length of the sound by {@code 1 / tempo} without changing its pitch, by WSOLA
 * (waveform-similarity overlap-add): the output is built of 40 ms Hann-windowed pieces of the input
 * laid 20 ms apart; each piece is taken near where the tempo says, within ±7.5 ms, at the offset
 * whose start looks most like how the previous piece would have gone on (normalised
 * cross-correlation of the channels' sum), so that the pieces join in phase. The search runs on
 * every fourth sample, then refines around the best to the sample. It holds back about 50 ms.
 */
final class TimeStretcher implements FloatPcmAudioFilter {
    private final FloatPcmAudioFilter next;
    private final double tempo;
    private final int window;
    private final int hop;
    private final int seek;
    private final float[] hann;
    private final float[][] overlap;
    private final float[][] out;
    private float[][] input;
    private float[] mono;
    /** Absolute index (since the last seek) of {@code input[c][0]}. */
    private long base;
    private int count;
    /** Where the next piece would start were there no search, as an absolute index. */
    private double nominal;
    /** Where the previous piece started, or -1 before the first. */
    private long previous;

    TimeStretcher(FloatPcmAudioFilter next, int channels, int sampleRate, double tempo) {
        this.next = next;
        this.tempo = tempo;
        this.window = sampleRate / 25;
        this.hop = window / 2;
        this.seek = sampleRate * 3 / 400;
        this.hann = new float[window];
        for (int i = 0; i < window; i++) {
            // Periodic Hann: windows half their length apart add up to exactly 1.
            hann[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / window));
        }
        this.overlap = new float[channels][window];
        this.out = new float[channels][hop];
        this.input = new float[channels][window * 4];
        this.mono = new float[window * 4];
        reset();
    }

    private void reset() {
        base = 0;
        count = 0;
        nominal = 0;
        previous = -1;
        for (float[] channel : overlap) {
            Arrays.fill(channel, 0f);
        }
    }

    @Override
    public void process(float[][] samples, int offset, int length) throws InterruptedException {
        append(samples, offset, length);
        while (true) {
            long centre = Math.round(nominal);
            long last = previous < 0 ? centre : centre + seek;
            if (last + window > base + count) {
                break;
            }
            long start = previous < 0 ? centre : bestStart(Math.max(base, centre - seek), last);
            addPiece((int) (start - base));
            next.process(out, 0, hop);
            previous = start;
            nominal += hop * tempo;
            dropBefore(Math.min(Math.round(nominal) - seek, previous + hop));
        }
    }

    private void append(float[][] samples, int offset, int length) {
        if (count + length > mono.length) {
            int size = Math.max(mono.length * 2, count + length);
            for (int channel = 0; channel < input.length; channel++) {
                input[channel] = Arrays.copyOf(input[channel], size);
            }
            mono = Arrays.copyOf(mono, size);
        }
        for (int channel = 0; channel < input.length; channel++) {
            System.arraycopy(samples[channel], offset, input[channel], count, length);
        }
        for (int i = 0; i < length; i++) {
            float sum = 0;
            for (float[] channel : input) {
                sum += channel[count + i];
            }
            mono[count + i] = sum;
        }
        count += length;
    }

    /** The start in {@code [from, to]} whose first half best continues the previous piece. */
    private long bestStart(long from, long to) {
        int template = (int) (previous + hop - base);
        long best = from;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (long start = from; start <= to; start += 4) {
            double score = similarity((int) (start - base), template, 4);
            if (score > bestScore) {
                bestScore = score;
                best = start;
            }
        }
        long coarse = best;
        bestScore = Double.NEGATIVE_INFINITY;
        for (long start = Math.max(from, coarse - 3); start <= Math.min(to, coarse + 3); start++) {
            double score = similarity((int) (start - base), template, 1);
            if (score > bestScore) {
                bestScore = score;
                best = start;
            }
        }
        return best;
    }

    /** Normalised cross-correlation of the channels' sum over the overlap, every {@code step}th sample. */
    private double similarity(int candidate, int template, int step) {
        double product = 0;
        double energy = 1e-9;
        for (int i = 0; i < hop; i += step) {
            float c = mono[candidate + i];
            product += c * mono[template + i];
            energy += c * c;
        }
        return product / Math.sqrt(energy);
    }

    private void addPiece(int start) {
        for (int channel = 0; channel < overlap.length; channel++) {
            float[] sum = overlap[channel];
            float[] source = input[channel];
            for (int i = 0; i < window; i++) {
                sum[i] += source[start + i] * hann[i];
            }
            System.arraycopy(sum, 0, out[channel], 0, hop);
            System.arraycopy(sum, hop, sum, 0, window - hop);
            Arrays.fill(sum, window - hop, window, 0f);
        }
    }

    private void dropBefore(long absolute) {
        int drop = (int) Math.min(count, absolute - base);
        if (drop <= 0) {
            return;
        }
        for (float[] channel : input) {
            System.arraycopy(channel, drop, channel, 0, count - drop);
        }
        System.arraycopy(mono, drop, mono, 0, count - drop);
        count -= drop;
        base += drop;
    }

    @Override
    public void seekPerformed(long requestedTime, long providedTime) {
        reset();
    }

    @Override
    public void flush() throws InterruptedException {
        // The last piece's fading second half, so that the end of a track is not cut short.
        for (int channel = 0; channel < overlap.length; channel++) {
            System.arraycopy(overlap[channel], 0, out[channel], 0, hop);
            Arrays.fill(overlap[channel], 0f);
        }
        next.process(out, 0, hop);
    }

    @Override
    public void close() {
        // holds no resources
    }
}
