package dev.roadie.voice.testing;

/**
 * Measurements of interleaved 48 kHz stereo PCM: what a listener would hear, as numbers.
 */
public final class AudioMeasure {

    private AudioMeasure() {
    }

    /**
     * The frequency of the left channel from its rising zero crossings, each placed between
     * samples by linear interpolation: over a second of a clean tone this is good to a small
     * fraction of a hertz, far inside the ±2 Hz the tests ask.
     *
     * @return the frequency in Hz, or 0 when the signal crosses zero fewer than twice
     */
    public static double frequency(short[] stereo) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = 1; i < stereo.length / 2; i++) {
            int before = stereo[2 * (i - 1)];
            int now = stereo[2 * i];
            if (before < 0 && now >= 0) {
                double at = (i - 1) + (double) -before / (now - before);
                if (first < 0) {
                    first = at;
                }
                last = at;
                crossings++;
            }
        }
        if (crossings < 2) {
            return 0;
        }
        return (crossings - 1) * Tone.SAMPLE_RATE / (last - first);
    }

    /**
     * The amplitude of one frequency in the left channel (Goertzel), as a share of full scale: a
     * sine of amplitude 0.5 at that frequency gives about 0.5, other frequencies about 0. Tells
     * the voices of a mix apart, where zero crossings cannot.
     */
    public static double amplitudeAt(short[] stereo, double frequencyHz) {
        int n = stereo.length / 2;
        double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / Tone.SAMPLE_RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = 0; i < n; i++) {
            double current = stereo[2 * i] / 32768.0 + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.sqrt(Math.max(0, power)) / n;
    }

    /** Root mean square of all samples, as a share of full scale (a full-scale sine is about 0.707). */
    public static double rms(short[] pcm) {
        if (pcm.length == 0) {
            return 0;
        }
        double sum = 0;
        for (short sample : pcm) {
            double value = sample / 32768.0;
            sum += value * value;
        }
        return Math.sqrt(sum / pcm.length);
    }

    /** The samples from {@code fromFrame} on (20 ms frames), to skip a codec's start-up. */
    public static short[] skipFrames(short[] stereo, int fromFrame) {
        int from = Math.min(stereo.length, fromFrame * Tone.SAMPLES_PER_FRAME * 2);
        return java.util.Arrays.copyOfRange(stereo, from, stereo.length);
    }
}
