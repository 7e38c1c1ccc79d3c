package dev.roadie.settings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as people write them in settings: a plain number of bytes ({@code 1048576}) or a
 * whole number with a binary unit ({@code 512B}, {@code 64KiB}, {@code 1MiB}, {@code 2GiB}).
 * Decimal units (KB, MB) are refused on purpose: whether they mean 1000 or 1024 is a guess.
 */
public final class Sizes {

    /** What a size setting expects, for messages. */
    public static final String EXPECTED = "expected a size like 1048576 or 1MiB";

    private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\s*(B|KiB|MiB|GiB)?");
    private static final String[] UNITS = {"GiB", "MiB", "KiB"};

    private Sizes() {
    }

    /** Reads a size in bytes, or nothing if the text is not one (or does not fit a long). */
    public static Optional<Long> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        try {
            return Optional.of(Math.multiplyExact(amount, factor(m.group(2))));
        } catch (ArithmeticException tooLarge) {
            // Beyond a long: as unusable as a typo, and reported the same way.
            return Optional.empty();
        }
    }

    /** Writes a size in the largest binary unit that keeps it exact, plain bytes otherwise. */
    public static String format(long bytes) {
        for (String unit : UNITS) {
            long factor = factor(unit);
            if (bytes != 0 && bytes % factor == 0) {
                return bytes / factor + unit;
            }
        }
        return Long.toString(bytes);
    }

    private static long factor(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit) {
            case "B" -> 1;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            default -> throw new IllegalArgumentException("unknown size unit " + unit);
        };
    }
}
