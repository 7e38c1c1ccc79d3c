package dev.roadie.voice.media;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's received audio: their jitter buffer and their Opus decoder (a decoder keeps state
 * from frame to frame, so each sender has their own). Played once per tick.
 */
final class UserStream {

    private static final Logger LOG = LoggerFactory.getLogger(UserStream.class);

    private final long userId;
    private final JitterBuffer buffer;
    private final OpusDecoder decoder;
    private volatile long concealed;
    private volatile long undecodable;

    UserStream(long userId, int delayTicks) {
        this.userId = userId;
        this.buffer = new JitterBuffer(delayTicks);
        try {
            this.decoder = new OpusDecoder(OpusFrames.SAMPLE_RATE, OpusFrames.CHANNELS);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus refused a 48 kHz stereo Opus decoder: " + e.getMessage(), e);
        }
    }

    long userId() {
        return userId;
    }

    JitterBuffer buffer() {
        return buffer;
    }

    /**
     * Plays this tick: tells the listener the frame and its audio, or Opus's concealment of a
     * lost frame.
     *
     * @return the tick's audio, or {@code null} when this user was not heard
     */
    short[] play(MediaListener listener) {
        JitterBuffer.Slot slot = buffer.poll();
        short[] pcm = new short[OpusFrames.PCM_LENGTH];
        switch (slot) {
            case JitterBuffer.Frame(byte[] frame) -> {
                if (OpusFrames.isSilence(frame)) {
                    // Decoding keeps the decoder's state continuous, but silence is not speech for the listener.
                    decode(frame, pcm);
                    return null;
                }
                listener.onOpus(userId, frame);
                if (!decode(frame, pcm)) {
                    return null;
                }
            }
            case JitterBuffer.Lost lost -> {
                concealed++;
                if (!decode(null, pcm)) {
                    return null;
                }
            }
            case JitterBuffer.Idle idle -> {
                return null;
            }
        }
        listener.onPcm(userId, pcm);
        return pcm;
    }

    /** Decodes one frame, or conceals a lost one when {@code frame} is null. */
    private boolean decode(byte[] frame, short[] pcm) {
        try {
            int samples = frame == null
                    ? decoder.decode(null, 0, 0, pcm, 0, OpusFrames.SAMPLES_PER_CHANNEL, false)
                    : decoder.decode(frame, 0, frame.length, pcm, 0, OpusFrames.SAMPLES_PER_CHANNEL, false);
            return samples > 0;
        } catch (OpusException e) {
            undecodable++;
            LOG.debug("User {}: an Opus frame does not decode ({}); dropped", userId, e.getMessage());
            return false;
        }
    }

    long concealed() {
        return concealed;
    }

    long undecodable() {
        return undecodable;
    }
}
