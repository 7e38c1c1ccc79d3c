package dev.roadie.model.voice;

import java.util.List;
import java.util.Objects;

/**
 * Everything language-specific the {@link VoiceCommandParser} needs. A new language is a
 * new table; the parser does not change.
 *
 * <p>Phrases are plain words, compared word by word in lower case with sentence punctuation
 * ignored. Noise is removed in two stages, and the difference matters:
 * <ul>
 *   <li>Wake phrases (at the start) and address suffixes (at the end) are always removed.
 *       They name an assistant or the bot, never a song.</li>
 *   <li>Polite prefixes and suffixes are removed only if what remains matches a rule.
 *       Otherwise they may be part of a title — "Can You Feel the Love Tonight",
 *       "Please Please Me" — and the search keeps them.</li>
 * </ul>
 *
 * <p>Rules are tried in order and the first whose pattern matches the whole command wins.
 * A list rather than a map per intent because order settles overlaps: "play next" must be
 * tried as a SKIP before "play (anything)" makes it a PLAY. Put the fixed commands first and
 * the catch-all PLAY patterns last.
 *
 * @param language         a language tag such as "en", for logs and for choosing a table
 * @param wakePhrases      assistant wake words and ways of addressing the bot, removed from
 *                         the start ("hey google", "ask roadie to")
 * @param addressSuffixes  ways of naming the bot at the end, removed ("on roadie")
 * @param politePrefixes   politeness at the start ("please", "can you")
 * @param politeSuffixes   politeness at the end ("please", "thank you")
 * @param artistSeparators words between title and artist ("by"); the last one wins, as
 *                         titles contain "by" more often than artist names do
 * @param anyTitle         titles that mean "any track" ("something" in "something by Daft
 *                         Punk"); with one of them the query is just the artist
 * @param numbers          number words for volume levels
 * @param rules            command patterns, tried in order
 */
public record PhraseTable(String language, List<String> wakePhrases, List<String> addressSuffixes,
                          List<String> politePrefixes, List<String> politeSuffixes,
                          List<String> artistSeparators, List<String> anyTitle,
                          NumberWords numbers, List<PhraseRule> rules) {

    /**
     * Copies the lists and checks that every phrase has words.
     *
     * @throws NullPointerException     if anything is null
     * @throws IllegalArgumentException if the language is blank or a phrase has no words
     *                                  (an empty phrase would match everywhere)
     */
    public PhraseTable {
        Objects.requireNonNull(language, "language");
        if (language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
        wakePhrases = phrases(wakePhrases);
        addressSuffixes = phrases(addressSuffixes);
        politePrefixes = phrases(politePrefixes);
        politeSuffixes = phrases(politeSuffixes);
        artistSeparators = phrases(artistSeparators);
        anyTitle = phrases(anyTitle);
        Objects.requireNonNull(numbers, "numbers");
        rules = List.copyOf(rules);
    }

    /**
     * The English table. Queue positions: "play X" and "play X now" start X at once
     * ({@code NOW}, as people mean it when they say it to a speaker), "play X next" and
     * "play X after this" put it after the current track ({@code NEXT}), "queue X",
     * "add X" and "add X to the queue" put it at the end ({@code END}). Volume words are
     * English number words up to the hundreds.
     *
     * @return the table {@link VoiceCommandParser#english()} uses
     */
    public static PhraseTable english() {
        return EnglishPhrases.TABLE;
    }

    private static List<String> phrases(List<String> phrases) {
        for (String phrase : phrases) {
            if (Utterance.of(phrase).isEmpty()) {
                throw new IllegalArgumentException("phrase without words: '" + phrase + "'");
            }
        }
        return List.copyOf(phrases);
    }
}
