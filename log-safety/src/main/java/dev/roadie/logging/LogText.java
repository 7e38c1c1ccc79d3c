package dev.roadie.logging;

/**
 * Makes text safe to write into a line-oriented log: every character that could end a line,
 * move the cursor, recolour the terminal or reorder what a reader sees is written as a visible
 * escape ({@code \n}, {@code \r}, {@code \t}, {@code \u001B}, ...), so that text a client sent
 * can never start a line of its own or hide part of the one it is in.
 */
public final class LogText {
    private LogText() {
    }

    /** {@code text} with every unsafe character escaped; the same instance when there is none. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * C0 and C1 controls (newline, carriage return, escape, NEL, ...) and DEL; the Unicode line and
     * paragraph separators, which many viewers break lines at; and the bidirectional overrides and
     * isolates, which make a viewer show the characters of a line in another order than written.
     * Tabs too: a tab is harmless to a terminal but lets text pose as a column of a structured line.
     */
    static boolean isUnsafe(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
