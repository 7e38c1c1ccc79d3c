package dev.roadie.voice.media;

import java.util.Arrays;

/** Facts about the Opus frames Discord carries. */
public final class OpusFrames {

    /** An Opus frame of silence, which Discord asks for five of after a talk spurt. */
    private static final byte[] SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};

    /** 48 kHz, as Discord's Opus runs. */
    public static final int SAMPLE_RATE = 48_000;
    /** Stereo. */
    public static final int CHANNELS = 2;
    /** Samples per channel in 20 ms. */
    public static final int SAMPLES_PER_CHANNEL = 960;
    /** Interleaved samples in one 20 ms stereo block. */
    public static final int PCM_LENGTH = SAMPLES_PER_CHANNEL * CHANNELS;
    /** Silence frames sent when a talk spurt ends. */
    public static final int SILENCE_FRAMES_ON_STOP = 5;

    private OpusFrames() {
    }

    /** A fresh copy of the silence frame 0xF8 0xFF 0xFE. */
    public static byte[] silence() {
        return SILENCE.clone();
    }

    /** Whether this frame is exactly the silence frame (which DAVE lets pass unencrypted). */
    public static boolean isSilence(byte[] frame) {
        return Arrays.equals(frame, SILENCE);
    }
}
