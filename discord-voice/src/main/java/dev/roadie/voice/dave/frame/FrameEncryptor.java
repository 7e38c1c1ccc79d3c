package dev.roadie.voice.dave.frame;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encrypts this client's own frames (libdave's {@code Encryptor}): one per connection, with our
 * sender key ratchet for the current epoch. Each frame takes the next 32-bit nonce (the first is
 * 1); the nonce's top byte is the key generation, so every 2^24 frames the key ratchets forward,
 * and past 2^32 the nonce wraps while the generation keeps counting.
 *
 * <p>In passthrough mode frames go out as they are. Thread-safe: the sending thread encrypts
 * while the DAVE thread changes the ratchet or the mode.
 */
public final class FrameEncryptor {

    private final UnencryptedRanges codec;
    private SenderKeyRatchet ratchet;
    private FrameCipher cipher;
    private long generation;
    private int truncatedNonce;
    private boolean passthrough = true;

    /** @param codec which bytes of each frame stay readable; {@link UnencryptedRanges#OPUS} for voice */
    public FrameEncryptor(UnencryptedRanges codec) {
        this.codec = codec;
    }

    /**
     * Encrypt with {@code ratchet} (our own, for the new epoch) from the next frame on, starting
     * again at nonce 1 and generation 0; leaves passthrough mode.
     */
    public synchronized void useKeyRatchet(SenderKeyRatchet ratchet) {
        useKeyRatchet(ratchet, 0);
    }

    /** As {@link #useKeyRatchet(SenderKeyRatchet)}, with the nonce counter where a test needs it (the next frame takes {@code lastNonce + 1}). */
    synchronized void useKeyRatchet(SenderKeyRatchet ratchet, int lastNonce) {
        this.ratchet = ratchet;
        this.cipher = null;
        this.truncatedNonce = lastNonce;
        this.generation = SenderCryptors.unwrap(0, lastNonce >>> FrameFormat.GENERATION_SHIFT);
        this.passthrough = false;
    }

    /** Send frames as they are (a call on transport encryption only, or after a downgrade executed). */
    public synchronized void usePassthrough() {
        passthrough = true;
    }

    /** Whether frames currently go out as they are. */
    public synchronized boolean passthrough() {
        return passthrough;
    }

    /**
     * {@code frame} as it goes into the RTP packet: unchanged in passthrough mode, else the DAVE
     * protocol frame.
     *
     * @throws IllegalStateException when not in passthrough mode and no ratchet was given
     */
    public synchronized byte[] encrypt(byte[] frame) {
        if (passthrough) {
            return frame;
        }
        if (ratchet == null) {
            throw new IllegalStateException("no sender key ratchet yet: call useKeyRatchet before leaving passthrough");
        }
        List<UnencryptedRange> ranges = codec.of(frame);
        if (!ProtocolFrame.rangesFit(ranges, frame.length)) {
            ranges = List.of();
        }
        int nonce = nextNonce();
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream(frame.length);
        ByteArrayOutputStream authenticated = new ByteArrayOutputStream();
        int at = 0;
        for (UnencryptedRange range : ranges) {
            plaintext.write(frame, at, (int) range.offset() - at);
            authenticated.write(frame, (int) range.offset(), (int) range.size());
            at = (int) range.end();
        }
        plaintext.write(frame, at, frame.length - at);
        byte[] sealed = cipher.seal(nonce, plaintext.toByteArray(), authenticated.toByteArray());
        int ciphertextLength = sealed.length - FrameFormat.TAG_BYTES;

        ByteArrayOutputStream footer = new ByteArrayOutputStream(32);
        footer.write(sealed, ciphertextLength, FrameFormat.TAG_BYTES);
        Uleb128.write(Integer.toUnsignedLong(nonce), footer);
        for (UnencryptedRange range : ranges) {
            Uleb128.write(range.offset(), footer);
            Uleb128.write(range.size(), footer);
        }
        int supplementalSize = footer.size() + 1 + 2;
        if (supplementalSize > 0xFF) {
            throw new IllegalArgumentException("this frame's " + ranges.size() + " unencrypted ranges do not fit DAVE's 255-byte footer");
        }
        footer.write(supplementalSize);
        footer.write(0xFA);
        footer.write(0xFA);

        byte[] out = new byte[frame.length + footer.size()];
        int fromCipher = 0;
        at = 0;
        for (UnencryptedRange range : ranges) {
            int gap = (int) range.offset() - at;
            System.arraycopy(sealed, fromCipher, out, at, gap);
            fromCipher += gap;
            System.arraycopy(frame, (int) range.offset(), out, (int) range.offset(), (int) range.size());
            at = (int) range.end();
        }
        System.arraycopy(sealed, fromCipher, out, at, frame.length - at);
        byte[] footerBytes = footer.toByteArray();
        System.arraycopy(footerBytes, 0, out, frame.length, footerBytes.length);
        return out;
    }

    private int nextNonce() {
        truncatedNonce++;
        long next = SenderCryptors.unwrap(generation, truncatedNonce >>> FrameFormat.GENERATION_SHIFT);
        if (next != generation || cipher == null) {
            if (cipher != null) {
                // Nothing we send uses the older key again: forget it.
                ratchet.erase(generation);
            }
            generation = next;
            cipher = new FrameCipher(ratchet.key(generation));
        }
        return truncatedNonce;
    }
}
