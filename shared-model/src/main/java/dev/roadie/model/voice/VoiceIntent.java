package dev.roadie.model.voice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.roadie.model.music.QueuePosition;
import java.util.Objects;

/**
 * What a spoken or typed command asks of the music bot. Immutable; plain enough for JSON.
 *
 * <p>Which fields are set depends on the kind, and the constructor enforces it:
 * <ul>
 *   <li>{@link IntentKind#PLAY}: a non-empty {@code query} and a {@code position}.</li>
 *   <li>{@link IntentKind#SEARCH}: a {@code query}, empty when nothing was heard.</li>
 *   <li>{@link IntentKind#VOLUME}: a {@code volume}.</li>
 *   <li>every other kind: nothing but the kind.</li>
 * </ul>
 * {@code title} and {@code artist} are set only on PLAY and SEARCH, and only when the speaker
 * named an artist ("X by Y"). They are a hint for ranking results; {@code query} is the text
 * to search for, because a split on "by" can be wrong ("Stand by Me").
 *
 * @param kind     what to do
 * @param query    the search text as said: casing kept, wake words and command words removed,
 *                 politeness removed only where a command was recognised; "" for kinds
 *                 without one
 * @param title    the spoken title, or null
 * @param artist   the spoken artist, or null
 * @param position where to queue a PLAY, null for other kinds
 * @param volume   the change for a VOLUME, null for other kinds
 */
public record VoiceIntent(IntentKind kind, String query, String title, String artist,
                          QueuePosition position, VolumeChange volume) {

    /**
     * Normalises absent text (null query becomes "", the query is stripped, a blank title or
     * artist becomes null)
     * and checks that the fields fit the kind.
     *
     * @throws NullPointerException     if {@code kind} is null
     * @throws IllegalArgumentException if a field is set that the kind does not carry, or a
     *                                  field the kind needs is missing
     */
    public VoiceIntent {
        Objects.requireNonNull(kind, "kind");
        query = query == null ? "" : query.strip();
        title = title == null || title.isBlank() ? null : title;
        artist = artist == null || artist.isBlank() ? null : artist;
        boolean hasQuery = kind == IntentKind.PLAY || kind == IntentKind.SEARCH;
        require(hasQuery || query.isEmpty(), kind + " carries no query");
        require(hasQuery || (title == null && artist == null), kind + " carries no title or artist");
        require(kind != IntentKind.PLAY || !query.isBlank(), "PLAY needs a query");
        require((kind == IntentKind.PLAY) == (position != null), "a position belongs to PLAY only");
        require((kind == IntentKind.VOLUME) == (volume != null), "a volume belongs to VOLUME only");
    }

    /**
     * Play or queue a track.
     *
     * @param query    the search text; not blank
     * @param title    the spoken title, or null
     * @param artist   the spoken artist, or null
     * @param position where the track goes
     * @return the intent
     */
    public static VoiceIntent play(String query, String title, String artist, QueuePosition position) {
        return new VoiceIntent(IntentKind.PLAY, query, title, artist, position, null);
    }

    /**
     * Search, with a title and artist when they were spoken.
     *
     * @param query  the search text; "" when nothing was heard
     * @param title  the spoken title, or null
     * @param artist the spoken artist, or null
     * @return the intent
     */
    public static VoiceIntent search(String query, String title, String artist) {
        return new VoiceIntent(IntentKind.SEARCH, query, title, artist, null, null);
    }

    /**
     * Search for plain text.
     *
     * @param query the search text; "" when nothing was heard
     * @return the intent
     */
    public static VoiceIntent search(String query) {
        return search(query, null, null);
    }

    /**
     * Change the volume.
     *
     * @param change the change
     * @return the intent
     */
    public static VoiceIntent volume(VolumeChange change) {
        return new VoiceIntent(IntentKind.VOLUME, "", null, null, null, Objects.requireNonNull(change, "change"));
    }

    /**
     * A command that carries nothing but its kind: SKIP, PAUSE, RESUME, STOP, NOW_PLAYING or
     * CLEAR_QUEUE.
     *
     * @param kind the command
     * @return the intent
     * @throws IllegalArgumentException for PLAY or VOLUME, which need more
     */
    public static VoiceIntent command(IntentKind kind) {
        return new VoiceIntent(kind, "", null, null, null, null);
    }

    /**
     * Whether nothing usable was heard: a SEARCH with an empty query. The parser returns this
     * for null, blank or pure-noise input ("Hey Google") instead of failing, so callers can
     * answer "sorry, I didn't catch that".
     *
     * @return true for the empty search
     */
    @JsonIgnore // derived, and as an "empty" field it would be one more thing the wire carries
    public boolean isEmpty() {
        return kind == IntentKind.SEARCH && query.isEmpty();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
