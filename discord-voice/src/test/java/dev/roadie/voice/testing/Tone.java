package dev.roadie.voice.testing;

/**
 * A sine wave as 48 kHz stereo PCM, handed out 20 ms at a time with its phase carried over, so
 * that consecutive blocks join without a click.
 */
public final class Tone {

    public static final int SAMPLE_RATE = 48_000;
    public static final int SAMPLES_PER_FRAME = 960;

    private final double frequencyHz;
    private final double amplitude;
    private long sample;

    /**
     * @param frequencyHz the pitch
     * @param amplitude   peak as a share of full scale, 0 to 1
     */
    public Tone(double frequencyHz, double amplitude) {
        this.frequencyHz = frequencyHz;
        this.amplitude = amplitude;
    }

    public double frequencyHz() {
        return frequencyHz;
    }

    /** The next 20 ms: 960 samples per channel, interleaved left/right, the same on both. */
    public short[] nextFrame() {
        short[] pcm = new short[SAMPLES_PER_FRAME * 2];
        for (int i = 0; i < SAMPLES_PER_FRAME; i++, sample++) {
            short value = (short) Math.round(amplitude * Short.MAX_VALUE * Math.sin(2 * Math.PI * frequencyHz * sample / SAMPLE_RATE));
            pcm[2 * i] = value;
            pcm[2 * i + 1] = value;
        }
        return pcm;
    }
}
