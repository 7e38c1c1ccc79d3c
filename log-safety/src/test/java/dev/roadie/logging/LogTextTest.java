package dev.roadie.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void text_without_control_characters_is_returned_as_it_is() {
        String text = "Café – 東京 🎵 C:\\music";
        assertThat(LogText.escape(text)).isSameAs(text);
    }

    @Test
    void line_breaks_and_tabs_are_written_as_their_usual_escapes() {
        assertThat(LogText.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
    }

    @Test
    void terminal_escapes_next_line_and_unicode_separators_are_written_as_code_points() {
        assertThat(LogText.escape("\u001b[31m\u0000\u007f\u0085\u2028\u2029"))
                .isEqualTo("\\u001B[31m\\u0000\\u007F\\u0085\\u2028\\u2029");
    }

    @Test
    void bidirectional_overrides_cannot_reorder_what_a_reader_sees() {
        assertThat(LogText.escape("ok\u202Egnp.exe\u2066x\u2069")).isEqualTo("ok\\u202Egnp.exe\\u2066x\\u2069");
    }

    @Test
    void null_stays_null() {
        assertThat(LogText.escape(null)).isNull();
    }
}
