package dev.roadie.model.wire;

/** Checks shared by the frame records' constructors, so every frame words its errors alike. */
final class Fields {
    static final int MAX_ID = 64;
    static final int MAX_SUBJECT = 128;

    private Fields() {
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("'" + field + "' is longer than " + maxLength + " characters");
        }
        return value;
    }

    static String optionalText(String value, String field, int maxLength) {
        return value == null ? null : requireText(value, field, maxLength);
    }

    static long requireNotNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException("'" + field + "' must not be negative, got " + value);
        }
        return value;
    }
}
