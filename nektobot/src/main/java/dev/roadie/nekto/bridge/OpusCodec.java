package dev.roadie.nekto.bridge;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;

/** 20 ms Opus frames to and from 48 kHz PCM with Concentus (pure Java); one instance per direction. */
final class OpusCodec {

    static final int RATE = 48_000;
    static final int SAMPLES = 960;

    private final OpusEncoder encoder;
    private final OpusDecoder decoder;
    private final int channels;

    OpusCodec(int channels) {
        this.channels = channels;
        try {
            encoder = new OpusEncoder(RATE, channels, OpusApplication.OPUS_APPLICATION_VOIP);
            decoder = new OpusDecoder(RATE, channels);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus refused a " + channels + "-channel 48 kHz codec: " + e.getMessage(), e);
        }
        encoder.setBitrate(channels * 48_000);
    }

    int channels() {
        return channels;
    }

    byte[] encode(short[] pcm) {
        byte[] out = new byte[1275];
        try {
            return Arrays.copyOf(out, encoder.encode(pcm, 0, SAMPLES, out, 0, out.length));
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus could not encode 20 ms: " + e.getMessage(), e);
        }
    }

    /** Decodes one frame (mono or stereo, whatever it was encoded as) to this codec's channels. */
    short[] decode(byte[] frame) {
        short[] pcm = new short[SAMPLES * channels];
        try {
            int samples = decoder.decode(frame, 0, frame.length, pcm, 0, SAMPLES, false);
            return samples == SAMPLES ? pcm : Arrays.copyOf(pcm, samples * channels);
        } catch (OpusException e) {
            throw new IllegalArgumentException("not an Opus frame the decoder can read: " + e.getMessage(), e);
        }
    }

    /** Stereo interleaved to mono, averaging the two sides. */
    static short[] downmix(short[] stereo) {
        short[] mono = new short[stereo.length / 2];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (short) ((stereo[2 * i] + stereo[2 * i + 1]) / 2);
        }
        return mono;
    }
}
