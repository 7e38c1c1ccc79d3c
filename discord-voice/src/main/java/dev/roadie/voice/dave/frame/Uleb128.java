package dev.roadie.voice.dave.frame;

import java.io.ByteArrayOutputStream;

/**
 * Unsigned little-endian base 128, the variable-length integers of DAVE's frame footer (nonce
 * and unencrypted ranges): seven bits a byte, lowest group first, the high bit set on all but
 * the last byte.
 */
final class Uleb128 {

    private Uleb128() {
    }

    /** How many bytes {@code value} (read as unsigned) takes. */
    static int size(long value) {
        int size = 1;
        while (Long.compareUnsigned(value, 0x80) >= 0) {
            size++;
            value >>>= 7;
        }
        return size;
    }

    /** Appends {@code value} (read as unsigned). */
    static void write(long value, ByteArrayOutputStream out) {
        while (Long.compareUnsigned(value, 0x80) >= 0) {
            out.write((int) (0x80 | (value & 0x7F)));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** {@code value} encoded on its own. */
    static byte[] encode(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size(value));
        write(value, out);
        return out.toByteArray();
    }

    /**
     * A cursor over {@code bytes[from, to)} that reads one value at a time, the way libdave's
     * reader does: at most ten bytes, the tenth carrying only the 64th bit.
     */
    static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int position;

        Reader(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.position = from;
            this.end = to;
        }

        boolean atEnd() {
            return position == end;
        }

        int position() {
            return position;
        }

        /** The next value as an unsigned 64-bit number, or throws when it runs past the end or over 64 bits. */
        long next() {
            long value = 0;
            int shift = 0;
            while (position < end && shift < 63) {
                int b = bytes[position++] & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            if (position < end && (bytes[position] & 0xFF) <= 1) {
                value |= (long) (bytes[position++] & 0xFF) << shift;
                return value;
            }
            throw new MalformedFrameException("a ULEB128 value runs past its field or over 64 bits");
        }
    }
}
