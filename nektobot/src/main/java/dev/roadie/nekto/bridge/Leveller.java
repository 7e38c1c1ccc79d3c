package dev.roadie.nekto.bridge;

/**
 * Brings speech to a steady level: a slow gain toward a target loudness, capped so that
 * background hiss is not pumped up, and never above full scale. A quiet stranger and a loud
 * channel then reach each other at about the same level.
 */
final class Leveller {

    /** About -18 dBFS RMS, where speech sits comfortably with headroom for peaks. */
    private static final double TARGET_RMS = 0.125 * 32768;
    private static final double MAX_GAIN = 4.0;
    /** Below this (about -50 dBFS) it is silence or hiss: the gain stays where it was. */
    private static final double SILENCE_RMS = 0.003 * 32768;
    /** Each 20 ms block moves the gain a tenth of the way: a few hundred ms to settle, no pumping. */
    private static final double SMOOTHING = 0.1;

    private double gain = 1.0;

    /** Applies the gain to the block in place and returns it. */
    short[] level(short[] pcm) {
        double sum = 0;
        for (short sample : pcm) {
            sum += (double) sample * sample;
        }
        double rms = Math.sqrt(sum / pcm.length);
        if (rms > SILENCE_RMS) {
            double wanted = Math.min(MAX_GAIN, TARGET_RMS / rms);
            gain += (wanted - gain) * SMOOTHING;
        }
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(pcm[i] * gain)));
        }
        return pcm;
    }
}
