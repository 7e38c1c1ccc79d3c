package dev.roadie.hub.socket;

/** Counts UTF-8 bytes of a frame without encoding it, to hold it against byte limits. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The UTF-8 length of {@code text}, exact whenever it could exceed {@code limit}. A string
     * of n chars takes n to 3n bytes, so when even 3n is within the limit the count is skipped
     * and n returned: the common case costs nothing.
     */
    static int length(String text, int limit) {
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
