package dev.roadie.model.voice;

import dev.roadie.model.music.QueuePosition;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns text from a voice assistant or a search box into a {@link VoiceIntent}.
 *
 * <p>The parser holds no phrasing of its own; a {@link PhraseTable} supplies it, so the same
 * code serves every language. It never fails: text no rule recognises becomes a
 * {@link IntentKind#SEARCH} for the whole cleaned text, and null, blank or pure-noise input
 * ("Hey Google") becomes a SEARCH with an empty query ({@link VoiceIntent#isEmpty()}).
 *
 * <p>Steps:
 * <ol>
 *   <li>Split into words, dropping sentence punctuation and extra whitespace.</li>
 *   <li>Remove wake phrases and address suffixes ("Hey Google", "on Roadie").</li>
 *   <li>Also remove politeness ("can you", "please") and try the table's rules in order on
 *       what remains; the first that matches the whole command decides.</li>
 *   <li>Failing that, search for the text from step 2 — politeness kept, since it may be
 *       part of a title.</li>
 * </ol>
 *
 * <p>For PLAY and SEARCH, a spoken artist ("X by Y", split at the last separator) fills
 * {@code title} and {@code artist}, while {@code query} stays the text as said, "X by Y":
 * that is lossless when the split is wrong ("Stand by Me"), and search engines handle the
 * "by". Only when the title means "anything" ("something by Daft Punk") is the query the
 * artist alone, so the search does not look for a song called "Something".
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class VoiceCommandParser {

    private static final VoiceCommandParser ENGLISH = new VoiceCommandParser(PhraseTable.english());

    private final PhraseTable table;
    private final List<List<String>> wakePhrases;
    private final List<List<String>> addressSuffixes;
    private final List<List<String>> leadingNoise;
    private final List<List<String>> trailingNoise;
    private final List<List<String>> artistSeparators;
    private final Set<String> anyTitle;

    /**
     * A parser for English ({@link PhraseTable#english()}). "play X" starts X now,
     * "play X next" queues it after the current track, "queue X" and "add X to the queue"
     * queue it at the end.
     *
     * @return the shared English parser
     */
    public static VoiceCommandParser english() {
        return ENGLISH;
    }

    /**
     * A parser for any language.
     *
     * @param table the language's phrasing
     */
    public VoiceCommandParser(PhraseTable table) {
        this.table = Objects.requireNonNull(table, "table");
        this.wakePhrases = words(table.wakePhrases());
        this.addressSuffixes = words(table.addressSuffixes());
        this.leadingNoise = words(concat(table.wakePhrases(), table.politePrefixes()));
        this.trailingNoise = words(concat(table.addressSuffixes(), table.politeSuffixes()));
        this.artistSeparators = words(table.artistSeparators());
        this.anyTitle = table.anyTitle().stream().map(p -> Utterance.of(p).text()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The table this parser reads.
     *
     * @return the table
     */
    public PhraseTable table() {
        return table;
    }

    /**
     * Parses one command.
     *
     * @param text what was said or typed; null is treated as blank
     * @return the intent; never null, never an exception
     */
    public VoiceIntent parse(String text) {
        Utterance addressed = strip(Utterance.of(text), wakePhrases, addressSuffixes);
        if (addressed.isEmpty()) {
            return VoiceIntent.search("");
        }
        Utterance command = strip(addressed, leadingNoise, trailingNoise);
        if (!command.isEmpty()) {
            for (PhraseRule rule : table.rules()) {
                Matcher matcher = rule.pattern().matcher(command.text());
                if (matcher.matches()) {
                    Optional<VoiceIntent> intent = apply(rule, matcher, command);
                    if (intent.isPresent()) {
                        return intent.get();
                    }
                }
            }
        }
        return withQuery(IntentKind.SEARCH, null, addressed);
    }

    private Optional<VoiceIntent> apply(PhraseRule rule, Matcher matcher, Utterance command) {
        return switch (rule.kind()) {
            case PLAY, SEARCH -> {
                Utterance query = command.span(matcher.start(PhraseRule.QUERY), matcher.end(PhraseRule.QUERY));
                yield query.isEmpty() ? Optional.empty() : Optional.of(withQuery(rule.kind(), rule.position(), query));
            }
            case VOLUME -> volume(rule, matcher).map(VoiceIntent::volume);
            default -> Optional.of(VoiceIntent.command(rule.kind()));
        };
    }

    /** Empty when the amount is not a number, so the next rule gets a chance. */
    private Optional<VolumeChange> volume(PhraseRule rule, Matcher matcher) {
        if (rule.volumeForm() == PhraseRule.VolumeForm.MUTE) {
            return Optional.of(VolumeChange.absolute(VolumeChange.MIN_LEVEL));
        }
        boolean hasAmount = rule.pattern().namedGroups().containsKey(PhraseRule.AMOUNT);
        String amount = hasAmount ? matcher.group(PhraseRule.AMOUNT) : null;
        int sign = rule.volumeForm() == PhraseRule.VolumeForm.DOWN ? -1 : 1;
        if (amount == null) {
            return Optional.of(VolumeChange.relative(sign * VolumeChange.STEP));
        }
        OptionalInt number = table.numbers().parse(amount);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rule.volumeForm() == PhraseRule.VolumeForm.SET
                ? VolumeChange.absolute(number.getAsInt())
                : VolumeChange.relative(sign * number.getAsInt()));
    }

    private VoiceIntent withQuery(IntentKind kind, QueuePosition position, Utterance query) {
        // The last separator with words on both sides: "stand by me by ben e king".
        for (int i = query.size() - 2; i >= 1; i--) {
            for (List<String> separator : artistSeparators) {
                if (i + separator.size() < query.size() && query.matchesAt(separator, i)) {
                    Utterance title = query.slice(0, i);
                    Utterance artist = query.slice(i + separator.size(), query.size());
                    if (anyTitle.contains(title.text())) {
                        return intent(kind, artist.spoken(), null, artist.spoken(), position);
                    }
                    return intent(kind, query.spoken(), title.spoken(), artist.spoken(), position);
                }
            }
        }
        return intent(kind, query.spoken(), null, null, position);
    }

    private static VoiceIntent intent(IntentKind kind, String query, String title, String artist,
                                      QueuePosition position) {
        return kind == IntentKind.PLAY
                ? VoiceIntent.play(query, title, artist, position)
                : VoiceIntent.search(query, title, artist);
    }

    /** Removes the phrases from both ends, repeatedly: "hey google, please, ..." */
    private static Utterance strip(Utterance said, List<List<String>> prefixes, List<List<String>> suffixes) {
        Utterance rest = said;
        boolean changed = true;
        while (changed && !rest.isEmpty()) {
            changed = false;
            for (List<String> prefix : prefixes) {
                if (rest.matchesAt(prefix, 0)) {
                    rest = rest.slice(prefix.size(), rest.size());
                    changed = true;
                    break;
                }
            }
            for (List<String> suffix : suffixes) {
                if (rest.matchesAt(suffix, rest.size() - suffix.size())) {
                    rest = rest.slice(0, rest.size() - suffix.size());
                    changed = true;
                    break;
                }
            }
        }
        return rest;
    }

    /** Phrases as word lists, longest first so "hey google" wins over a bare "google". */
    private static List<List<String>> words(List<String> phrases) {
        return phrases.stream()
                .map(p -> Utterance.of(p).words())
                .distinct()
                .sorted(Comparator.comparingInt((List<String> w) -> w.size()).reversed())
                .toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
