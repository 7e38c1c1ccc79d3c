package dev.roadie.model.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What was said, as words. Each word has two forms: as spoken (casing and inner punctuation
 * kept, so a query for "AC/DC" reads like that) and a matching form (lower case) that phrase
 * patterns are written against. Sentence punctuation at a word's edges ("Google," "Queen.")
 * is dropped from both: assistants and typists add it at random.
 */
final class Utterance {

    // Only trimmed at word edges, so "what's", "AC/DC" and "twenty-five" survive.
    private static final String EDGE_PUNCTUATION = ".,!?;:\"'()[]{}…¿¡«»„“”‘’—–-";
    // \p{Z} covers the no-break spaces that copied text brings along; \p{javaWhitespace} is what
    // String.strip() removes, including the separators U+001C..U+001F that \s leaves in: a word
    // made of one was a query that VoiceIntent stripped to nothing ("PLAY needs a query").
    private static final Pattern SPACE = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");

    private final List<String> spoken;
    private final List<String> words;
    private final String text;

    private Utterance(List<String> spoken, List<String> words) {
        this.spoken = List.copyOf(spoken);
        this.words = List.copyOf(words);
        this.text = String.join(" ", words);
    }

    /** Splits text into words; null or blank text gives no words. */
    static Utterance of(String raw) {
        List<String> spoken = new ArrayList<>();
        List<String> words = new ArrayList<>();
        if (raw != null) {
            for (String token : SPACE.split(raw)) {
                String word = trimEdges(token.replace('’', '\'').replace('‘', '\''));
                if (!word.isEmpty()) {
                    spoken.add(word);
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new Utterance(spoken, words);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    int size() {
        return words.size();
    }

    /** The matching form: lower-case words joined by single spaces. */
    String text() {
        return text;
    }

    /** The spoken form: words as said, joined by single spaces. */
    String spoken() {
        return String.join(" ", spoken);
    }

    /** The matching form of each word. */
    List<String> words() {
        return words;
    }

    /** Words {@code from} (inclusive) to {@code to} (exclusive). */
    Utterance slice(int from, int to) {
        return new Utterance(spoken.subList(from, to), words.subList(from, to));
    }

    /** Whether the words of {@code phrase} (matching form) appear starting at word {@code index}. */
    boolean matchesAt(List<String> phrase, int index) {
        return index >= 0 && index + phrase.size() <= words.size()
                && words.subList(index, index + phrase.size()).equals(phrase);
    }

    /**
     * The words covering characters {@code start..end} of {@link #text()}, such as a regex
     * group. A span that cuts through words (a pattern written without spaces around its
     * group) has no spoken form, so it comes back in the matching form.
     */
    Utterance span(int start, int end) {
        int offset = 0;
        int first = -1;
        for (int i = 0; i < words.size(); i++) {
            int wordEnd = offset + words.get(i).length();
            if (offset == start) {
                first = i;
            }
            if (first >= 0 && wordEnd == end) {
                return slice(first, i + 1);
            }
            offset = wordEnd + 1;
        }
        return of(text.substring(start, end));
    }

    private static String trimEdges(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && EDGE_PUNCTUATION.indexOf(token.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && EDGE_PUNCTUATION.indexOf(token.charAt(to - 1)) >= 0) {
            to--;
        }
        return token.substring(from, to);
    }

    @Override
    public String toString() {
        return spoken();
    }
}
