package dev.roadie.voice.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * WAV files of sine tones, 48 kHz 16-bit mono: what the tests give an audio source (a local file,
 * an HTTP server, a browser's fake microphone) to be heard again at the other end.
 */
public final class Wav {

    /** The peak the tests play at unless they say otherwise: about -8.7 dBFS, far from clipping. */
    public static final double LEVEL = 12_000 / 32_767.0;

    private Wav() {
    }

    /** {@code hertz} for {@code seconds}, at {@link #LEVEL}. */
    public static byte[] tone(double hertz, int seconds) {
        return tones(new double[] {hertz}, seconds, LEVEL);
    }

    /** Each of {@code tones} in turn, {@code secondsEach} seconds each, at {@link #LEVEL}. */
    public static byte[] tones(double[] tones, int secondsEach) {
        return tones(tones, secondsEach, LEVEL);
    }

    /**
     * Each of {@code tones} in turn, {@code secondsEach} seconds each.
     *
     * @param amplitude peak as a share of full scale, 0 to 1
     */
    public static byte[] tones(double[] tones, int secondsEach, double amplitude) {
        int rate = Tone.SAMPLE_RATE;
        int samples = rate * secondsEach * tones.length;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            double hertz = tones[i / (rate * secondsEach)];
            wav.putShort((short) Math.round(amplitude * Short.MAX_VALUE * Math.sin(2 * Math.PI * hertz * i / rate)));
        }
        return wav.array();
    }
}
