package dev.roadie.voice.dave.frame;

import java.time.Duration;

/** The fixed numbers of DAVE protocol version 1's frame format (whitepaper, "Payload Format"). */
final class FrameFormat {

    /** AES-128-GCM key length in bytes. */
    static final int KEY_BYTES = 16;
    /** The full AES-GCM nonce the truncated one is expanded to. */
    static final int NONCE_BYTES = 12;
    /** Tags are truncated to 64 bits to keep the per-frame overhead small. */
    static final int TAG_BYTES = 8;
    /** The two bytes that end every protocol frame. */
    static final int MAGIC_MARKER = 0xFAFA;
    /** Tag, supplemental size byte and magic marker: what every footer has besides nonce and ranges. */
    static final int MIN_SUPPLEMENTAL_BYTES = TAG_BYTES + 1 + 2;
    /** The top byte of the 32-bit truncated nonce is the key generation. */
    static final int GENERATION_SHIFT = 24;
    /** Generations are one byte on the wire; past 255 they wrap and the receiver unwraps them. */
    static final int GENERATION_WRAP = 256;

    /**
     * How long keys of an older generation, the previous epoch's ratchets and passthrough stay
     * usable after something newer took over, so that frames in flight still decrypt
     * (whitepaper: "up to ten seconds").
     */
    static final Duration TRANSITION_EXPIRY = Duration.ofSeconds(10);
    /** A generation this far ahead of the newest seen is refused: no sender gets there honestly. */
    static final int MAX_GENERATION_GAP = 250;
    /** How many skipped nonces a receiver remembers so that late frames still decrypt once. */
    static final int MAX_MISSING_NONCES = 1000;
    /** 50 audio frames plus two 60 fps video streams a second: bounds how fast generations can advance. */
    static final long MAX_FRAMES_PER_SECOND = 50 + 2 * 60;

    /** The Opus silence frame the SFU synthesises for muted senders; it is never encrypted. */
    static final byte[] OPUS_SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};

    private FrameFormat() {
    }
}
