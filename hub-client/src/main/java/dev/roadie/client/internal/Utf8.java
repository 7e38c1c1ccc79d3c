package dev.roadie.client.internal;

/** UTF-8 lengths, as the hub counts frame sizes. */
final class Utf8 {
    private Utf8() {
    }

    /** The UTF-8 length of {@code text}, counted exactly only when it may exceed {@code limit}. */
    static int length(String text, int limit) {
        if ((long) text.length() * 3 <= limit) {
            // Even all three-byte characters would fit: no need to count.
            return text.length();
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
