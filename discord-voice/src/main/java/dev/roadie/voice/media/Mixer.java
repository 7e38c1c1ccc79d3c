package dev.roadie.voice.media;

/**
 * Sums the tick's audio of everyone heard into one block. Sums run in 32 bits and are then
 * clipped to the 16-bit range, so two loud speakers saturate rather than wrap around into
 * noise.
 */
final class Mixer {

    private final int[] sum = new int[OpusFrames.PCM_LENGTH];
    private int voices;

    void add(short[] pcm) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += pcm[i];
        }
        voices++;
    }

    /** The mix so far, or {@code null} when no one was added; then starts over. */
    short[] take() {
        if (voices == 0) {
            return null;
        }
        short[] mixed = new short[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mixed[i] = (short) Math.clamp(sum[i], Short.MIN_VALUE, Short.MAX_VALUE);
            sum[i] = 0;
        }
        voices = 0;
        return mixed;
    }
}
