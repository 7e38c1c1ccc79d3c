package dev.roadie.settings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in settings, of the hub, the node agent and the {@code roadie}
 * command's options alike: a whole number and one unit, {@code 250ms}, {@code 15s},
 * {@code 5m}, {@code 1h}, {@code 2d}, a space between them allowed. A unit is required because
 * a bare {@code 15} could mean seconds or milliseconds, and guessing wrong by a factor of 1000
 * is worse than asking. One unit only ({@code 90m}, not {@code 1h30m}): every duration a
 * setting takes is written that way, and one form is one thing to learn.
 */
public final class Durations {

    /** Examples of the forms, for messages that phrase their own start. */
    public static final String EXAMPLES = "250ms, 15s, 5m, 1h or 2d";

    /** What a duration setting expects, for messages. */
    public static final String EXPECTED = "expected a duration like " + EXAMPLES;

    private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** Reads a duration, or nothing if the text is not one (or too large to hold). */
    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        try {
            return Optional.of(Duration.of(amount, unit(m.group(2))));
        } catch (ArithmeticException tooLarge) {
            // Beyond what a Duration holds: as unusable as a typo, and reported the same way.
            return Optional.empty();
        }
    }

    /** Writes a duration in the largest unit that keeps it exact, the form {@link #parse} reads. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        for (String unit : new String[] {"d", "h", "m", "s", "ms"}) {
            Duration one = unit(unit).getDuration();
            if (duration.toNanos() % one.toNanos() == 0) {
                return duration.dividedBy(one) + unit;
            }
        }
        // Below a millisecond: only reachable from code, never from a setting.
        return duration.toString();
    }

    private static ChronoUnit unit(String symbol) {
        return switch (symbol) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            default -> throw new IllegalArgumentException("unknown duration unit " + symbol);
        };
    }
}
