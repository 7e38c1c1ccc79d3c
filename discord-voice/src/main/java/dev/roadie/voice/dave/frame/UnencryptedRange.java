package dev.roadie.voice.dave.frame;

/** Bytes {@code [offset, offset + size)} of a frame that stay readable (and authenticated) for the packetizer. */
public record UnencryptedRange(long offset, long size) {

    public UnencryptedRange {
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("an unencrypted range has a non-negative offset and size, not " + offset + "+" + size);
        }
    }

    long end() {
        return offset + size;
    }
}
