package dev.roadie.voice.dave.frame;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A received frame that passed DAVE's protocol frame check, taken apart (whitepaper, "Payload
 * Format" and "Protocol Frame Check"):
 *
 * <pre>
 * | interleaved media (plaintext ranges + ciphertext) | tag (8) | nonce (ULEB128) | ranges (ULEB128 pairs) | size (1) | FA FA |
 *                                                     \______________ supplemental data, "size" bytes ______________________/
 * </pre>
 */
final class ProtocolFrame {

    final byte[] tag;
    final int truncatedNonce;
    final List<UnencryptedRange> ranges;
    /** The unencrypted ranges' bytes joined: the AEAD's additional data. */
    final byte[] authenticated;
    /** Everything of the interleaved frame outside the ranges, joined. */
    final byte[] ciphertext;
    private final int mediaLength;

    private ProtocolFrame(byte[] tag, int truncatedNonce, List<UnencryptedRange> ranges, byte[] authenticated, byte[] ciphertext, int mediaLength) {
        this.tag = tag;
        this.truncatedNonce = truncatedNonce;
        this.ranges = ranges;
        this.authenticated = authenticated;
        this.ciphertext = ciphertext;
        this.mediaLength = mediaLength;
    }

    /** The key generation in the nonce's top byte, before unwrapping. */
    int wireGeneration() {
        return truncatedNonce >>> FrameFormat.GENERATION_SHIFT;
    }

    /**
     * {@code frame} taken apart, or {@code null} when it fails the protocol frame check (too
     * short, no magic marker, an impossible footer size, a nonce or ranges that do not parse,
     * ranges out of order, overlapping or past the media): then it is not a DAVE frame.
     */
    static ProtocolFrame parse(byte[] frame) {
        int length = frame.length;
        if (length < FrameFormat.MIN_SUPPLEMENTAL_BYTES) {
            return null;
        }
        if ((frame[length - 2] & 0xFF) != 0xFA || (frame[length - 1] & 0xFF) != 0xFA) {
            return null;
        }
        int supplementalSize = frame[length - 3] & 0xFF;
        // libdave accepts a footer as long as the whole frame (no media at all); so does this.
        if (supplementalSize < FrameFormat.MIN_SUPPLEMENTAL_BYTES || supplementalSize > length) {
            return null;
        }
        int mediaLength = length - supplementalSize;
        int tagAt = mediaLength;
        int nonceAt = tagAt + FrameFormat.TAG_BYTES;
        int footerEnd = length - 3;
        List<UnencryptedRange> ranges = new ArrayList<>();
        int truncatedNonce;
        try {
            Uleb128.Reader reader = new Uleb128.Reader(frame, nonceAt, footerEnd);
            if (reader.atEnd()) {
                return null;
            }
            // libdave keeps the low 32 bits of whatever number is there; so does this.
            truncatedNonce = (int) reader.next();
            while (!reader.atEnd()) {
                long offset = reader.next();
                long size = reader.next();
                if (offset < 0 || size < 0) {
                    return null;
                }
                ranges.add(new UnencryptedRange(offset, size));
            }
        } catch (MalformedFrameException e) {
            return null;
        }
        if (!rangesFit(ranges, mediaLength)) {
            return null;
        }
        ByteArrayOutputStream authenticated = new ByteArrayOutputStream();
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream(mediaLength);
        int at = 0;
        for (UnencryptedRange range : ranges) {
            ciphertext.write(frame, at, (int) range.offset() - at);
            authenticated.write(frame, (int) range.offset(), (int) range.size());
            at = (int) range.end();
        }
        ciphertext.write(frame, at, mediaLength - at);
        return new ProtocolFrame(Arrays.copyOfRange(frame, tagAt, nonceAt), truncatedNonce, List.copyOf(ranges),
                authenticated.toByteArray(), ciphertext.toByteArray(), mediaLength);
    }

    /**
     * Ascending, not overlapping, and inside the media part. libdave lets the last range reach
     * into the footer; the whitepaper says ranges stay within the interleaved frame, and this
     * follows the whitepaper, which only refuses frames no honest sender makes.
     */
    static boolean rangesFit(List<UnencryptedRange> ranges, long mediaLength) {
        for (int i = 0; i < ranges.size(); i++) {
            UnencryptedRange range = ranges.get(i);
            long limit = i + 1 < ranges.size() ? ranges.get(i + 1).offset() : mediaLength;
            if (range.size() > limit || range.offset() > limit - range.size()) {
                return false;
            }
        }
        return true;
    }

    /** The original frame: the ranges where they were, {@code plaintext} in the gaps. */
    byte[] reassemble(byte[] plaintext) {
        byte[] out = new byte[mediaLength];
        int at = 0;
        int fromPlain = 0;
        int fromAuthenticated = 0;
        for (UnencryptedRange range : ranges) {
            int gap = (int) range.offset() - at;
            System.arraycopy(plaintext, fromPlain, out, at, gap);
            fromPlain += gap;
            System.arraycopy(authenticated, fromAuthenticated, out, (int) range.offset(), (int) range.size());
            fromAuthenticated += (int) range.size();
            at = (int) range.end();
        }
        System.arraycopy(plaintext, fromPlain, out, at, mediaLength - at);
        return out;
    }
}
