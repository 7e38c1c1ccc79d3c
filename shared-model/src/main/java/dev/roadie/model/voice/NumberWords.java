package dev.roadie.model.voice;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a language says numbers, enough for volume levels: "thirty", "twenty-five",
 * "a hundred and fifty". Digits ("30", "30%") are understood in every language.
 *
 * <p>Reading is additive with multipliers: word values are added, a multiplier multiplies
 * what came before it ("one hundred" = 1 × 100, a bare "hundred" = 100). Within a group the
 * values must get smaller ("twenty five" is 25, "five twenty" is not a number), which keeps
 * chance word pairs from turning into numbers. Languages that write numbers as one word
 * ("fünfundzwanzig") list those words as values.
 *
 * @param values      number words and their values, e.g. "thirty" → 30; "a" → 1 allows
 *                    "a hundred"
 * @param multipliers words that multiply, e.g. "hundred" → 100
 * @param fillers     words allowed between number words and otherwise ignored, e.g. "and"
 */
public record NumberWords(Map<String, Integer> values, Map<String, Integer> multipliers, Set<String> fillers) {

    /** Larger numbers read as this: nothing the parser uses numbers for goes near it. */
    public static final int CAP = 1_000_000;

    private static final Pattern WORD_BREAK = Pattern.compile("[\\s\\-]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+%?");

    /**
     * Copies the tables and lower-cases the words, as the parser matches in lower case.
     *
     * @throws NullPointerException     if a table or entry is null
     * @throws IllegalArgumentException for a negative value or a multiplier below 2
     */
    public NumberWords {
        values = lowerKeys(values);
        multipliers = lowerKeys(multipliers);
        fillers = fillers.stream().map(NumberWords::lower).collect(Collectors.toUnmodifiableSet());
        if (values.values().stream().anyMatch(v -> v < 0)) {
            throw new IllegalArgumentException("number words must not be negative: " + values);
        }
        if (multipliers.values().stream().anyMatch(m -> m < 2)) {
            throw new IllegalArgumentException("multipliers must be at least 2: " + multipliers);
        }
    }

    /**
     * Reads a spoken number.
     *
     * @param text digits (optionally with "%") or number words, lower case
     * @return the number, capped at {@value #CAP}; empty if the text is not a number
     */
    public OptionalInt parse(String text) {
        String trimmed = text.strip();
        if (DIGITS.matcher(trimmed).matches()) {
            return OptionalInt.of(digits(trimmed.replace("%", "")));
        }
        long current = 0;
        long last = Long.MAX_VALUE;
        boolean any = false;
        for (String word : WORD_BREAK.split(trimmed)) {
            Integer value = values.get(word);
            Integer multiplier = multipliers.get(word);
            if (value != null) {
                if (value >= last) {
                    return OptionalInt.empty();
                }
                current += value;
                last = value;
                any = true;
            } else if (multiplier != null) {
                current = Math.min(CAP, (current == 0 ? 1 : current) * multiplier);
                last = Long.MAX_VALUE; // "one hundred fifty": the next group starts afresh
                any = true;
            } else if (!fillers.contains(word) && !word.equals("%")) {
                return OptionalInt.empty();
            }
        }
        return any ? OptionalInt.of((int) Math.min(CAP, current)) : OptionalInt.empty();
    }

    private static int digits(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        // Longer than CAP's digits cannot fit below CAP, and may not fit in a long either.
        return significant.length() > 7 ? CAP : (int) Math.min(CAP, Long.parseLong(significant));
    }

    private static Map<String, Integer> lowerKeys(Map<String, Integer> map) {
        return map.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> lower(e.getKey()), e -> Objects.requireNonNull(e.getValue(), e.getKey())));
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
