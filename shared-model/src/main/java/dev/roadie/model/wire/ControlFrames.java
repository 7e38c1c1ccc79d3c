package dev.roadie.model.wire;

/**
 * Writes and reads the small control frames (ack, ping, pong) without the mapper. Each side sends one of
 * these for almost every frame it receives, so their cost counts as much as a message's; the
 * text is exactly what the mapper writes for them (a zero number is left out, like every
 * default value).
 */
final class ControlFrames {
    private ControlFrames() {
    }

    /** The frame's JSON, or null when it is not a control frame written here. */
    static String encode(Frame frame) {
        if (frame instanceof Ack ack) {
            return ack.seq() == 0 ? "{\"type\":\"ack\"}" : "{\"type\":\"ack\",\"seq\":" + ack.seq() + "}";
        }
        if (frame instanceof Ping ping) {
            return ping.ts() == 0 ? "{\"type\":\"ping\"}" : "{\"type\":\"ping\",\"ts\":" + ping.ts() + "}";
        }
        if (frame instanceof Pong pong && plain(pong.epoch())) {
            StringBuilder text = new StringBuilder(64).append("{\"type\":\"pong\"");
            if (pong.ts() != 0) {
                text.append(",\"ts\":").append(pong.ts());
            }
            if (pong.epoch() != null && !pong.epoch().isEmpty()) {
                text.append(",\"epoch\":\"").append(pong.epoch()).append('"');
            }
            return text.append('}').toString();
        }
        return null;
    }

    /**
     * Reads the exact forms written above, {@code {"type":"ack","seq":N}} and the ping and pong
     * with only a {@code ts}, N a plain non-negative number. Anything else, spaced or ordered
     * otherwise, returns null and goes to the mapper, which reads it the same way or explains
     * what is wrong with it.
     */
    static Frame decode(String text) {
        if (text.startsWith(ACK)) {
            long seq = number(text, ACK.length());
            return seq < 0 ? null : new Ack(seq);
        }
        if (text.startsWith(PING)) {
            long ts = number(text, PING.length());
            return ts < 0 ? null : new Ping(ts);
        }
        if (text.startsWith(PONG)) {
            long ts = number(text, PONG.length());
            return ts < 0 ? null : new Pong(ts, null);
        }
        return null;
    }

    private static final String ACK = "{\"type\":\"ack\",\"seq\":";
    private static final String PING = "{\"type\":\"ping\",\"ts\":";
    private static final String PONG = "{\"type\":\"pong\",\"ts\":";

    /**
     * The number from {@code start} to the closing brace that ends the text, or -1 when the rest
     * is not exactly that: digits without a leading zero (which JSON forbids), at most 18 of them
     * (so that it cannot overflow), then '}'.
     */
    private static long number(String text, int start) {
        int end = text.length() - 1;
        int digits = end - start;
        if (digits < 1 || digits > 18 || text.charAt(end) != '}' || (digits > 1 && text.charAt(start) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Null, or letters, digits, '-' and '_' only: nothing that JSON would escape. */
    private static boolean plain(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
