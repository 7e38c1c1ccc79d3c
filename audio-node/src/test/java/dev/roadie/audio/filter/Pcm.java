package dev.roadie.audio.filter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/** Tone files to play, and the measurements the filter tests make on what comes out. */
public final class Pcm {
    public static final int RATE = 48_000;

    private Pcm() {
    }

    /** A 16-bit stereo 48 kHz WAV whose channels are {@code left(i)} and {@code right(i)} (full scale 1.0). */
    public static Path stereoWav(Path file, double seconds, IntToDoubleFunction left, IntToDoubleFunction right)
            throws IOException {
        int frames = (int) (RATE * seconds);
        ByteBuffer wav = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(RATE)
                .putInt(RATE * 4).putShort((short) 4).putShort((short) 16);
        wav.put("data".getBytes()).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            wav.putShort((short) Math.round(left.applyAsDouble(i) * 32_000));
            wav.putShort((short) Math.round(right.applyAsDouble(i) * 32_000));
        }
        Files.write(file, wav.array());
        return file;
    }

    public static IntToDoubleFunction sine(double hertz, double level) {
        return i -> level * Math.sin(2 * Math.PI * hertz * i / RATE);
    }

    public static IntToDoubleFunction silence() {
        return i -> 0;
    }

    public static double rms(float[] samples) {
        double sum = 0;
        for (float sample : samples) {
            sum += sample * sample;
        }
        return Math.sqrt(sum / samples.length);
    }

    /** The power of {@code hertz} in {@code samples} (Goertzel's algorithm), normalised by length. */
    public static double power(float[] samples, double hertz, double sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (float sample : samples) {
            double s0 = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return power / ((double) samples.length * samples.length);
    }

    public static double power(float[] samples, double hertz) {
        return power(samples, hertz, RATE);
    }

    /** The frequency of a steady tone, from the time between its first and last upward zero crossing. */
    public static double frequency(float[] samples) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        double firstAt = 0;
        double lastAt = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                double at = i - 1 + samples[i - 1] / (samples[i - 1] - samples[i]);
                if (first < 0) {
                    first = i;
                    firstAt = at;
                } else {
                    crossings++;
                }
                last = i;
                lastAt = at;
            }
        }
        if (crossings == 0 || last == first) {
            return 0;
        }
        return crossings * RATE / (lastAt - firstAt);
    }

    /** The RMS level of each block of {@code block} samples. */
    public static float[] envelope(float[] samples, int block) {
        float[] levels = new float[samples.length / block];
        for (int b = 0; b < levels.length; b++) {
            levels[b] = (float) rms(Arrays.copyOfRange(samples, b * block, (b + 1) * block));
        }
        return levels;
    }

    /** Which whole frequency from {@code from} to {@code to} Hz is strongest in a series sampled at {@code seriesRate}. */
    public static int strongest(float[] series, double seriesRate, int from, int to) {
        float[] centred = centred(series);
        int best = from;
        double bestPower = -1;
        for (int hertz = from; hertz <= to; hertz++) {
            double p = power(centred, hertz, seriesRate);
            if (p > bestPower) {
                bestPower = p;
                best = hertz;
            }
        }
        return best;
    }

    public static float[] centred(float[] series) {
        double mean = 0;
        for (float value : series) {
            mean += value;
        }
        mean /= series.length;
        float[] centred = new float[series.length];
        for (int i = 0; i < series.length; i++) {
            centred[i] = (float) (series[i] - mean);
        }
        return centred;
    }

    /**
     * The phase of a {@code hertz} tone in each block of {@code block} samples (a whole number of its
     * cycles), unwrapped: a delay that changes shows as a phase that changes.
     */
    public static float[] phases(float[] samples, double hertz, int block) {
        float[] phases = new float[samples.length / block];
        double previous = 0;
        double turns = 0;
        for (int b = 0; b < phases.length; b++) {
            double in = 0;
            double quadrature = 0;
            for (int i = b * block; i < (b + 1) * block; i++) {
                in += samples[i] * Math.cos(2 * Math.PI * hertz * i / RATE);
                quadrature += samples[i] * Math.sin(2 * Math.PI * hertz * i / RATE);
            }
            double phase = Math.atan2(quadrature, in);
            if (b > 0) {
                double step = phase - previous;
                if (step > Math.PI) {
                    turns -= 2 * Math.PI;
                } else if (step < -Math.PI) {
                    turns += 2 * Math.PI;
                }
            }
            previous = phase;
            phases[b] = (float) (phase + turns);
        }
        return phases;
    }
}
