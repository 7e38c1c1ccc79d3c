package dev.roadie.bench.load;

/**
 * A benchmark message: {@code STEP SEQ INTENDED_NANOS} and padding to the wanted size. The
 * intended send time (not the actual one) is what latency is measured from, so a sender that
 * falls behind its schedule shows up as latency (no coordinated omission).
 */
public final class Payload {
    private static final String PADDING = "x".repeat(64 * 1024);

    private Payload() {
    }

    /** A payload of {@code size} characters (at least the header's). */
    public static String of(long step, long seq, long intendedNanos, int size) {
        String header = step + " " + seq + " " + intendedNanos + " ";
        return size <= header.length() ? header : header + PADDING.substring(0, size - header.length());
    }

    /** The step a payload belongs to. */
    public static long step(String payload) {
        return Long.parseLong(payload, 0, payload.indexOf(' '), 10);
    }

    /** The sequence number of a payload. */
    public static long seq(String payload) {
        int first = payload.indexOf(' ');
        return Long.parseLong(payload, first + 1, payload.indexOf(' ', first + 1), 10);
    }

    /** The intended send time of a payload ({@link System#nanoTime()} of the load generator). */
    public static long intendedNanos(String payload) {
        int first = payload.indexOf(' ');
        int second = payload.indexOf(' ', first + 1);
        return Long.parseLong(payload, second + 1, payload.indexOf(' ', second + 1), 10);
    }
}
