package dev.roadie.voice.testing;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.List;

/** Opus frames back to 48 kHz stereo PCM with Concentus, for measuring what was sent. */
public final class OpusDecoding {

    private OpusDecoding() {
    }

    /** Decodes frames in order into one interleaved stereo signal. */
    public static short[] decode(List<byte[]> frames) {
        OpusDecoder decoder;
        try {
            decoder = new OpusDecoder(Tone.SAMPLE_RATE, 2);
        } catch (OpusException e) {
            throw new IllegalStateException(e);
        }
        short[] pcm = new short[frames.size() * Tone.SAMPLES_PER_FRAME * 2];
        int at = 0;
        for (byte[] frame : frames) {
            try {
                at += 2 * decoder.decode(frame, 0, frame.length, pcm, at, Tone.SAMPLES_PER_FRAME, false);
            } catch (OpusException e) {
                throw new IllegalStateException("A recorded frame does not decode as Opus: " + e.getMessage(), e);
            }
        }
        return java.util.Arrays.copyOf(pcm, at);
    }
}
