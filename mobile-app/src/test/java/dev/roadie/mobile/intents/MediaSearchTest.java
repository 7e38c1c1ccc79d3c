package dev.roadie.mobile.intents;

import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_ALBUM;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_ARTIST;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_FOCUS;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_GENRE;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_PLAYLIST;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_QUERY;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.mobile.intents.PhoneCommand.Action;
import dev.roadie.mobile.intents.PhoneCommand.Control;
import dev.roadie.mobile.intents.PhoneCommand.Play;
import dev.roadie.model.music.QueuePosition;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MEDIA_PLAY_FROM_SEARCH with every focus and every combination of its extras. */
class MediaSearchTest {
    static final Control RESUME = new Control(Action.RESUME);
    final IntentReader reader = IntentReader.english();

    static Map<String, String> extras(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    PhoneCommand read(String... pairs) {
        return reader.read(IncomingIntent.mediaSearch(extras(pairs)));
    }

    static Play play(String query, MediaFocus focus, String title, String artist, String album) {
        return new Play(query, focus, title, artist, album, QueuePosition.NOW);
    }

    @Test
    void an_empty_query_without_a_focus_means_play_something_and_resumes() {
        assertThat(read()).isEqualTo(RESUME);
        assertThat(read(EXTRA_QUERY, "")).isEqualTo(RESUME);
        assertThat(read(EXTRA_QUERY, "   ")).isEqualTo(RESUME);
        assertThat(reader.read(IncomingIntent.mediaSearch((String) null))).isEqualTo(RESUME);
    }

    @Test
    void the_any_focus_resumes_whatever_the_query() {
        assertThat(read(EXTRA_FOCUS, "vnd.android.cursor.item/*", EXTRA_QUERY, "")).isEqualTo(RESUME);
        assertThat(read(EXTRA_FOCUS, "vnd.android.cursor.item/*", EXTRA_QUERY, "some music")).isEqualTo(RESUME);
    }

    @Test
    void a_bare_something_or_music_resumes_too() {
        assertThat(read(EXTRA_QUERY, "something")).isEqualTo(RESUME);
        assertThat(read(EXTRA_QUERY, "Music")).isEqualTo(RESUME);
    }

    static Stream<Arguments> focused() {
        String artist = "vnd.android.cursor.item/artist";
        String album = "vnd.android.cursor.item/album";
        String song = "vnd.android.cursor.item/audio";
        String genre = "vnd.android.cursor.item/genre";
        String playlist = "vnd.android.cursor.item/playlist";
        return Stream.of(
                // artist: the artist extra, else the query
                Arguments.of(extras(EXTRA_FOCUS, artist, EXTRA_QUERY, "daft punk", EXTRA_ARTIST, "Daft Punk"),
                        play("Daft Punk", MediaFocus.ARTIST, null, "Daft Punk", null)),
                Arguments.of(extras(EXTRA_FOCUS, artist, EXTRA_QUERY, "daft punk"),
                        play("daft punk", MediaFocus.ARTIST, null, "daft punk", null)),
                Arguments.of(extras(EXTRA_FOCUS, artist, EXTRA_ARTIST, "Daft Punk"),
                        play("Daft Punk", MediaFocus.ARTIST, null, "Daft Punk", null)),
                Arguments.of(extras(EXTRA_FOCUS, artist), RESUME),
                // album: album and artist, each else the query
                Arguments.of(extras(EXTRA_FOCUS, album, EXTRA_QUERY, "homework", EXTRA_ALBUM, "Homework", EXTRA_ARTIST,
                        "Daft Punk"), play("Homework Daft Punk", MediaFocus.ALBUM, null, "Daft Punk", "Homework")),
                Arguments.of(extras(EXTRA_FOCUS, album, EXTRA_ALBUM, "Homework"),
                        play("Homework", MediaFocus.ALBUM, null, null, "Homework")),
                Arguments.of(extras(EXTRA_FOCUS, album, EXTRA_QUERY, "homework"),
                        play("homework", MediaFocus.ALBUM, null, null, "homework")),
                Arguments.of(extras(EXTRA_FOCUS, album, EXTRA_QUERY, "homework", EXTRA_ARTIST, "Daft Punk"),
                        play("homework Daft Punk", MediaFocus.ALBUM, null, "Daft Punk", "homework")),
                Arguments.of(extras(EXTRA_FOCUS, album), RESUME),
                // a song: title, artist and album hints; the search is title and artist
                Arguments.of(extras(EXTRA_FOCUS, song, EXTRA_QUERY, "windowlicker", EXTRA_TITLE, "Windowlicker",
                        EXTRA_ARTIST, "Aphex Twin", EXTRA_ALBUM, "Windowlicker EP"),
                        play("Windowlicker Aphex Twin", MediaFocus.TITLE, "Windowlicker", "Aphex Twin", "Windowlicker EP")),
                Arguments.of(extras(EXTRA_FOCUS, song, EXTRA_TITLE, "Windowlicker", EXTRA_ARTIST, "Aphex Twin"),
                        play("Windowlicker Aphex Twin", MediaFocus.TITLE, "Windowlicker", "Aphex Twin", null)),
                Arguments.of(extras(EXTRA_FOCUS, song, EXTRA_TITLE, "Windowlicker"),
                        play("Windowlicker", MediaFocus.TITLE, "Windowlicker", null, null)),
                Arguments.of(extras(EXTRA_FOCUS, song, EXTRA_QUERY, "windowlicker"),
                        play("windowlicker", MediaFocus.TITLE, "windowlicker", null, null)),
                Arguments.of(extras(EXTRA_FOCUS, song, EXTRA_QUERY, "windowlicker", EXTRA_ALBUM, "Windowlicker EP"),
                        play("windowlicker", MediaFocus.TITLE, "windowlicker", null, "Windowlicker EP")),
                Arguments.of(extras(EXTRA_FOCUS, song, EXTRA_ARTIST, "Aphex Twin"),
                        play("Aphex Twin", MediaFocus.TITLE, null, "Aphex Twin", null)),
                Arguments.of(extras(EXTRA_FOCUS, song), RESUME),
                // genre and playlist: their extra, else the query
                Arguments.of(extras(EXTRA_FOCUS, genre, EXTRA_QUERY, "jazz", EXTRA_GENRE, "Jazz"),
                        play("Jazz", MediaFocus.GENRE, null, null, null)),
                Arguments.of(extras(EXTRA_FOCUS, genre, EXTRA_QUERY, "jazz"), play("jazz", MediaFocus.GENRE, null, null, null)),
                Arguments.of(extras(EXTRA_FOCUS, genre), RESUME),
                Arguments.of(extras(EXTRA_FOCUS, playlist, EXTRA_QUERY, "road trip", EXTRA_PLAYLIST, "Road Trip"),
                        play("Road Trip", MediaFocus.PLAYLIST, null, null, null)),
                Arguments.of(extras(EXTRA_FOCUS, playlist, EXTRA_QUERY, "road trip"),
                        play("road trip", MediaFocus.PLAYLIST, null, null, null)),
                Arguments.of(extras(EXTRA_FOCUS, playlist), RESUME),
                // focus written in another case is the same focus
                Arguments.of(extras(EXTRA_FOCUS, "VND.ANDROID.CURSOR.ITEM/ARTIST", EXTRA_ARTIST, "Daft Punk"),
                        play("Daft Punk", MediaFocus.ARTIST, null, "Daft Punk", null)));
    }

    @ParameterizedTest
    @MethodSource("focused")
    void a_focused_search_searches_for_what_its_extras_name(Map<String, String> extras, PhoneCommand expected) {
        assertThat(reader.read(IncomingIntent.mediaSearch(extras))).isEqualTo(expected);
    }

    @Test
    void an_unstructured_query_is_read_as_play_words_by_the_phrase_parser() {
        assertThat(read(EXTRA_QUERY, "Daft Punk")).isEqualTo(play("Daft Punk", MediaFocus.UNSTRUCTURED, null, null, null));
        assertThat(read(EXTRA_QUERY, "Windowlicker next"))
                .isEqualTo(new Play("Windowlicker", MediaFocus.UNSTRUCTURED, null, null, null, QueuePosition.NEXT));
        assertThat(read(EXTRA_QUERY, "Paper Boats by Harbour Lights"))
                .isEqualTo(play("Paper Boats by Harbour Lights", MediaFocus.UNSTRUCTURED, "Paper Boats", "Harbour Lights", null));
        assertThat(read(EXTRA_QUERY, "something by Daft Punk"))
                .isEqualTo(play("Daft Punk", MediaFocus.UNSTRUCTURED, null, "Daft Punk", null));
        // "on Roadie" is how the user addressed the app, not part of the title
        assertThat(read(EXTRA_QUERY, "Daft Punk on Roadie")).isEqualTo(play("Daft Punk", MediaFocus.UNSTRUCTURED, null, null, null));
    }

    @Test
    void extras_without_a_focus_sharpen_the_words_or_stand_in_for_them() {
        assertThat(read(EXTRA_QUERY, "windowlicker", EXTRA_ARTIST, "Aphex Twin"))
                .isEqualTo(play("windowlicker", MediaFocus.UNSTRUCTURED, null, "Aphex Twin", null));
        assertThat(read(EXTRA_QUERY, "windowlicker", EXTRA_TITLE, "Windowlicker", EXTRA_ALBUM, "Windowlicker EP"))
                .isEqualTo(play("windowlicker", MediaFocus.UNSTRUCTURED, "Windowlicker", null, "Windowlicker EP"));
        assertThat(read(EXTRA_TITLE, "Windowlicker", EXTRA_ARTIST, "Aphex Twin"))
                .isEqualTo(play("Windowlicker Aphex Twin", MediaFocus.UNSTRUCTURED, "Windowlicker", "Aphex Twin", null));
        assertThat(read(EXTRA_ALBUM, "Homework"))
                .isEqualTo(play("Homework", MediaFocus.UNSTRUCTURED, null, null, "Homework"));
        assertThat(read(EXTRA_ARTIST, "Daft Punk"))
                .isEqualTo(play("Daft Punk", MediaFocus.UNSTRUCTURED, null, "Daft Punk", null));
    }

    @Test
    void an_unknown_focus_is_read_as_words() {
        assertThat(read(EXTRA_FOCUS, "vnd.android.cursor.item/radio", EXTRA_QUERY, "Daft Punk"))
                .isEqualTo(play("Daft Punk", MediaFocus.UNSTRUCTURED, null, null, null));
    }

    @Test
    void a_command_said_as_the_query_is_that_command() {
        assertThat(read(EXTRA_QUERY, "the next song")).isEqualTo(new Control(Action.SKIP));
    }
}
