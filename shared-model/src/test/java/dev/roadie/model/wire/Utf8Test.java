package dev.roadie.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {
    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "café", "日本語のタイトル", "emoji 🎵🎶 and more", "mixed é 日 🎵 a"})
    void counts_bytes_exactly_whenever_the_limit_could_be_crossed(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;

        assertThat(Utf8.length(text, 0)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain ascii", "日本語のタイトル", "emoji 🎵🎶"})
    void never_reports_more_than_the_limit_for_text_surely_within_it(String text) {
        assertThat(Utf8.length(text, text.length() * 3)).isLessThanOrEqualTo(text.length() * 3);
    }
}
