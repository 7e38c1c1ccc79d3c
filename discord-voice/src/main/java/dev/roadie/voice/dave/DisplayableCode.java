package dev.roadie.voice.dave;

/**
 * The whitepaper's displayable codes ("Displayable Codes"): groups of decimal digits made from
 * bytes, as Discord's clients show the call's privacy code (the epoch authenticator, 30 digits
 * in groups of 5) so people can compare it by voice.
 */
public final class DisplayableCode {

    private DisplayableCode() {
    }

    /**
     * Each group of {@code groupSize} digits is the next {@code groupSize} bytes read as an
     * unsigned big-endian number, modulo 10^groupSize, with leading zeros.
     */
    public static String of(byte[] data, int length, int groupSize) {
        if (groupSize < 1 || groupSize >= 8 || length % groupSize != 0 || data.length < length) {
            throw new IllegalArgumentException("a code of " + length + " digits in groups of " + groupSize
                    + " needs a group size from 1 to 7 that divides the length, and at least " + length
                    + " bytes (got " + data.length + ")");
        }
        long modulus = (long) Math.pow(10, groupSize);
        StringBuilder code = new StringBuilder(length);
        for (int at = 0; at < length; at += groupSize) {
            long value = 0;
            for (int i = 0; i < groupSize; i++) {
                value = (value << 8) | (data[at + i] & 0xFF);
            }
            code.append(String.format("%0" + groupSize + "d", value % modulus));
        }
        return code.toString();
    }
}
