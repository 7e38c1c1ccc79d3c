package dev.roadie.model.wire;

import java.util.regex.Pattern;

/**
 * The syntax of the names that appear in addresses: kinds, service names and topics. Kept
 * strict so that an address can be written as one string ({@code service:music-bot/eu-1})
 * and logged or used as a key without escaping.
 */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private Names() {
    }

    /** Whether {@code value} is a valid kind or service name: lower case, digits, '.', '_', '-'; 1 to 64 long. */
    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    /** Whether {@code value} is a valid topic: letters, digits, '.', '_', ':', '-'; 1 to 128 long. */
    public static boolean isTopic(String value) {
        return value != null && TOPIC.matcher(value).matches();
    }

    /** Returns {@code value} if it is a valid name, else throws with a message naming {@code what}. */
    public static String requireName(String value, String what) {
        if (!isName(value)) {
            throw new IllegalArgumentException(what + " must be 1-64 characters of a-z, 0-9, '.', '_' or '-'"
                    + " starting with a letter or digit, got " + quote(value));
        }
        return value;
    }

    /** Returns {@code value} if it is a valid topic, else throws with a message naming {@code what}. */
    public static String requireTopic(String value, String what) {
        if (!isTopic(value)) {
            throw new IllegalArgumentException(what + " must be 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-',"
                    + " got " + quote(value));
        }
        return value;
    }

    static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + shown + "'";
    }
}
