package dev.roadie.model.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UtteranceTest {

    @Test
    void keeps_spoken_form_and_matches_in_lower_case() {
        Utterance said = Utterance.of("  Hey\u00a0Google,  play “AC/DC” — What’s   up?! ");

        assertThat(said.words()).containsExactly("hey", "google", "play", "ac/dc", "what's", "up");
        assertThat(said.text()).isEqualTo("hey google play ac/dc what's up");
        assertThat(said.spoken()).isEqualTo("Hey Google play AC/DC What's up");
    }

    @Test
    void null_and_punctuation_are_no_words() {
        assertThat(Utterance.of(null).isEmpty()).isTrue();
        assertThat(Utterance.of(" ... !? - ").isEmpty()).isTrue();
    }

    @Test
    void a_span_on_word_boundaries_keeps_the_spoken_form() {
        Utterance said = Utterance.of("Play Get Lucky Now");

        assertThat(said.span(5, 14).spoken()).isEqualTo("Get Lucky");
    }

    @Test
    void a_span_through_words_falls_back_to_the_matching_form() {
        Utterance said = Utterance.of("Play Get Lucky");

        assertThat(said.span(2, 9).spoken()).isEqualTo("ay get");
        assertThat(said.span(2, 2).isEmpty()).isTrue();
    }

    @Test
    void matches_phrases_at_an_index() {
        Utterance said = Utterance.of("stand by me by ben e king");

        assertThat(said.matchesAt(List.of("by"), 3)).isTrue();
        assertThat(said.matchesAt(List.of("by"), 2)).isFalse();
        assertThat(said.matchesAt(List.of("ben", "e", "king"), 4)).isTrue();
        assertThat(said.matchesAt(List.of("king", "crimson"), 6)).isFalse();
        assertThat(said.matchesAt(List.of("stand"), -1)).isFalse();
    }
}
