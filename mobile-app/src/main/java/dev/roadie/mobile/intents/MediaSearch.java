package dev.roadie.mobile.intents;

import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_ALBUM;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_ARTIST;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_FOCUS;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_GENRE;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_PLAYLIST;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_QUERY;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_TITLE;

import dev.roadie.model.music.QueuePosition;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code MEDIA_PLAY_FROM_SEARCH}, as Android's media apps are asked to read it: an empty query
 * means "play something" (resume); with a focus, the extras name what to search for (the artist
 * for an artist, album and artist for an album, title, artist and album for a song); without one,
 * the query is words, read as "play WORDS" by the phrase parser.
 */
final class MediaSearch {
    private final Phrases phrases;

    MediaSearch(Phrases phrases) {
        this.phrases = phrases;
    }

    PhoneCommand read(IncomingIntent intent) {
        String query = text(intent.extra(EXTRA_QUERY));
        MediaFocus focus = MediaFocus.of(intent.extra(EXTRA_FOCUS));
        String artist = text(intent.extra(EXTRA_ARTIST));
        String album = text(intent.extra(EXTRA_ALBUM));
        String title = text(intent.extra(EXTRA_TITLE));
        return switch (focus) {
            case ANY -> resume();
            case ARTIST -> play(focus, firstOf(artist, query), null, firstOf(artist, query), null);
            case ALBUM -> play(focus, words(firstOf(album, query), artist), null, artist, firstOf(album, query));
            case TITLE -> play(focus, words(firstOf(title, query), artist), firstOf(title, query), artist, album);
            case GENRE -> play(focus, firstOf(text(intent.extra(EXTRA_GENRE)), query), null, null, null);
            case PLAYLIST -> play(focus, firstOf(text(intent.extra(EXTRA_PLAYLIST)), query), null, null, null);
            case UNSTRUCTURED -> unstructured(query, title, artist, album);
        };
    }

    /** No focus: the words, or failing them whatever extras came (some assistants send only those). */
    private PhoneCommand unstructured(String query, String title, String artist, String album) {
        if (query.isEmpty()) {
            String named = words(firstOf(title, album), artist);
            return named.isEmpty() ? resume()
                    : play(MediaFocus.UNSTRUCTURED, named, firstOf(title, null), firstOf(artist, null), firstOf(album, null));
        }
        PhoneCommand said = phrases.play(query);
        // Extras the assistant added sharpen the choice among the results.
        if (said instanceof PhoneCommand.Play play && (!title.isEmpty() || !artist.isEmpty() || !album.isEmpty())) {
            return new PhoneCommand.Play(play.query(), MediaFocus.UNSTRUCTURED, firstOf(title, play.title()),
                    firstOf(artist, play.artist()), firstOf(album, null), play.position());
        }
        return said;
    }

    private static PhoneCommand play(MediaFocus focus, String query, String title, String artist, String album) {
        return query == null || query.isBlank() ? resume()
                : new PhoneCommand.Play(query, focus, title, artist, album, QueuePosition.NOW);
    }

    private static PhoneCommand resume() {
        return new PhoneCommand.Control(PhoneCommand.Action.RESUME);
    }

    private static String text(String extra) {
        return extra == null ? "" : extra.strip();
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isEmpty() ? first : second == null || second.isEmpty() ? null : second;
    }

    /** "Homework Daft Punk": what a music search finds best. */
    private static String words(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).filter(p -> !p.isBlank()).distinct()
                .collect(Collectors.joining(" "));
    }
}
