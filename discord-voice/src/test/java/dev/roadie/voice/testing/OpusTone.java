package dev.roadie.voice.testing;

import dev.roadie.voice.media.OpusFrameProvider;
import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tone encoded to 20 ms Opus frames with Concentus, as a frame provider: a set number of
 * frames, then nothing (which ends the talk spurt). All frames are encoded up front, as a real
 * provider has its next frame ready: encoding on the sending thread would measure Concentus's
 * speed on a loaded machine, not the sender's pacing.
 */
public final class OpusTone implements OpusFrameProvider {

    private final byte[][] encoded;
    private final AtomicInteger given = new AtomicInteger();

    /**
     * @param frequencyHz the pitch
     * @param frames      how many 20 ms frames before the provider runs dry
     */
    public OpusTone(double frequencyHz, int frames) {
        Tone tone = new Tone(frequencyHz, 0.5);
        OpusEncoder encoder;
        try {
            encoder = new OpusEncoder(Tone.SAMPLE_RATE, 2, OpusApplication.OPUS_APPLICATION_AUDIO);
        } catch (OpusException e) {
            throw new IllegalStateException(e);
        }
        encoder.setBitrate(64_000);
        this.encoded = new byte[frames][];
        for (int i = 0; i < frames; i++) {
            encoded[i] = encode(encoder, tone.nextFrame());
        }
    }

    /** Frames handed out so far. */
    public int given() {
        return given.get();
    }

    @Override
    public byte[] nextFrame() {
        int next = given.getAndUpdate(count -> Math.min(count + 1, encoded.length));
        return next < encoded.length ? encoded[next] : null;
    }

    private static byte[] encode(OpusEncoder encoder, short[] pcm) {
        byte[] out = new byte[4000];
        try {
            int length = encoder.encode(pcm, 0, Tone.SAMPLES_PER_FRAME, out, 0, out.length);
            return Arrays.copyOf(out, length);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus could not encode a tone frame: " + e.getMessage(), e);
        }
    }
}
