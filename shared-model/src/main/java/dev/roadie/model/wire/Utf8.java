package dev.roadie.model.wire;

/**
 * Counts the UTF-8 bytes of a frame's text without encoding it, to hold it against the hub's
 * byte limits ({@code maxFrameBytes}). The hub and the SDK count with this one helper, so they
 * agree on which frames are too large.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * The UTF-8 length of {@code text}, exact whenever it could exceed {@code limit}. A string
     * of n chars takes n to 3n bytes, so when even 3n is within the limit the count is skipped
     * and n returned: the common case costs nothing.
     *
     * @param text  the text to measure
     * @param limit the byte limit the caller holds the text against
     * @return the exact byte count, or the char count when that and the byte count are both within the limit
     */
    public static int length(String text, int limit) {
        int chars = text.length();
        if ((long) chars * 3 <= limit) {
            return chars;
        }
        long bytes = 0;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }
}
