package dev.roadie.model.voice;

import dev.roadie.model.music.QueuePosition;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a {@link PhraseTable}: a pattern and the intent it means.
 *
 * <p>The pattern must match the whole command, after wake words and politeness are gone,
 * in the parser's matching form: lower case, words separated by single spaces, sentence
 * punctuation removed ("What's playing?" arrives as {@code what's playing}). Whole-text
 * matching is what keeps "stop crying your heart out" from being a STOP.
 *
 * <p>Named groups carry the variable parts:
 * <ul>
 *   <li>{@code query} — the search text of a PLAY or SEARCH rule (required there);</li>
 *   <li>{@code amount} — the number of a VOLUME rule, in digits or number words (required
 *       for {@link VolumeForm#SET}, optional for {@link VolumeForm#UP} and
 *       {@link VolumeForm#DOWN}, which step by {@link VolumeChange#STEP} without it).</li>
 * </ul>
 * If the amount is not a number the rule does not apply and the parser tries the next one,
 * so "volume up" can fall through a "volume (amount)" rule.
 *
 * @param kind       the intent this rule produces
 * @param pattern    the whole-command pattern
 * @param position   where a PLAY rule queues; null for other kinds
 * @param volumeForm how a VOLUME rule changes the volume; null for other kinds
 */
public record PhraseRule(IntentKind kind, Pattern pattern, QueuePosition position, VolumeForm volumeForm) {

    /** The named group holding a PLAY or SEARCH rule's search text. */
    public static final String QUERY = "query";
    /** The named group holding a VOLUME rule's number. */
    public static final String AMOUNT = "amount";

    /** How a VOLUME rule changes the volume. */
    public enum VolumeForm {
        /** Set the level to the amount. */
        SET,
        /** Louder, by the amount or by {@link VolumeChange#STEP}. */
        UP,
        /** Quieter, by the amount or by {@link VolumeChange#STEP}. */
        DOWN,
        /** Set the level to zero. */
        MUTE
    }

    /**
     * Checks that the rule can produce a valid intent, so a broken table fails when it is
     * built rather than when someone speaks.
     *
     * @throws NullPointerException     if {@code kind} or {@code pattern} is null
     * @throws IllegalArgumentException if position, volume form or named groups do not fit
     *                                  the kind
     */
    public PhraseRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        boolean hasQuery = pattern.namedGroups().containsKey(QUERY);
        boolean hasAmount = pattern.namedGroups().containsKey(AMOUNT);
        check((kind == IntentKind.PLAY) == (position != null), "a position belongs to PLAY rules only", pattern);
        check((kind == IntentKind.VOLUME) == (volumeForm != null), "a volume form belongs to VOLUME rules only", pattern);
        check((kind == IntentKind.PLAY || kind == IntentKind.SEARCH) == hasQuery,
                "PLAY and SEARCH rules, and only they, need a (?<query>...) group", pattern);
        check(kind == IntentKind.VOLUME || !hasAmount, "only VOLUME rules take an (?<amount>...) group", pattern);
        check(volumeForm != VolumeForm.SET || hasAmount, "a SET rule needs an (?<amount>...) group", pattern);
        check(volumeForm != VolumeForm.MUTE || !hasAmount, "a MUTE rule takes no amount", pattern);
    }

    /**
     * A rule for a command without arguments (SKIP, PAUSE, RESUME, STOP, NOW_PLAYING,
     * CLEAR_QUEUE).
     *
     * @param kind  the command
     * @param regex the whole-command pattern
     * @return the rule
     */
    public static PhraseRule command(IntentKind kind, String regex) {
        return new PhraseRule(kind, Pattern.compile(regex), null, null);
    }

    /**
     * A PLAY rule.
     *
     * @param position where the track goes
     * @param regex    the whole-command pattern, with a {@code query} group
     * @return the rule
     */
    public static PhraseRule play(QueuePosition position, String regex) {
        return new PhraseRule(IntentKind.PLAY, Pattern.compile(regex), Objects.requireNonNull(position, "position"), null);
    }

    /**
     * An explicit SEARCH rule ("search for X"). Unrecognised text is a search anyway; this
     * only strips the verb from the query.
     *
     * @param regex the whole-command pattern, with a {@code query} group
     * @return the rule
     */
    public static PhraseRule search(String regex) {
        return new PhraseRule(IntentKind.SEARCH, Pattern.compile(regex), null, null);
    }

    /**
     * A VOLUME rule.
     *
     * @param form  how the volume changes
     * @param regex the whole-command pattern, with an {@code amount} group where the form
     *              needs or allows one
     * @return the rule
     */
    public static PhraseRule volume(VolumeForm form, String regex) {
        return new PhraseRule(IntentKind.VOLUME, Pattern.compile(regex), null, Objects.requireNonNull(form, "form"));
    }

    private static void check(boolean condition, String message, Pattern pattern) {
        if (!condition) {
            throw new IllegalArgumentException(message + ": " + pattern.pattern());
        }
    }
}
