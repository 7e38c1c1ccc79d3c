package dev.roadie.voice.dave.frame;

import java.util.List;

/**
 * The codec-aware half of DAVE's encryptor: which bytes of a frame the RTP packetizer has to
 * read and which may therefore not be encrypted (whitepaper, "Codec Handling"). The decryptor
 * needs no such knowledge: the ranges travel in each frame's footer.
 *
 * <p>Only Opus is implemented, because only Opus is sent: it has no such bytes. VP8, VP9,
 * H.264/H.265 and AV1 would each be one more implementation (H.26x also needs the encryptor to
 * retry nonces whose ciphertext contains a start code), which this module does not have.
 */
@FunctionalInterface
public interface UnencryptedRanges {

    /**
     * The ranges of {@code frame} to leave unencrypted, ascending and not overlapping. A result the
     * encryptor finds invalid makes it encrypt the whole frame, which is always safe.
     */
    List<UnencryptedRange> of(byte[] frame);

    /** Opus frames hold no metadata the packetizer reads: everything is encrypted. */
    UnencryptedRanges OPUS = frame -> List.of();
}
