package dev.roadie.model.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberWordsTest {

    private final NumberWords english = PhraseTable.english().numbers();

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource({"30, 30", "30%, 30", "007, 7", "0, 0", "thirty, 30", "twenty five, 25", "twenty-five, 25",
            "a hundred, 100", "hundred, 100", "one hundred and fifty, 150", "two hundred, 200", "zero, 0",
            "nineteen, 19", "99999999999999999999, 1000000"})
    void reads(String text, int value) {
        assertThat(english.parse(text)).isEqualTo(OptionalInt.of(value));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "and", "max", "five twenty", "twenty twenty", "thirty 5", "3 0", "-5", "30 pounds"})
    void rejects(String text) {
        assertThat(english.parse(text)).isEmpty();
    }

    @Test
    void words_are_matched_in_lower_case() {
        NumberWords shouting = new NumberWords(Map.of("DERTIG", 30), Map.of(), Set.of());

        assertThat(shouting.parse("dertig")).isEqualTo(OptionalInt.of(30));
    }

    @Test
    void rejects_nonsense_tables() {
        assertThatThrownBy(() -> new NumberWords(Map.of("minus", -1), Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberWords(Map.of(), Map.of("once", 1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
