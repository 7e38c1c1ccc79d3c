package dev.roadie.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("host", "port", "data", "heartbeat.interval", "limits.maxFrameBytes",
            "registry.downAfter");

    @Test
    void finds_typos_swaps_case_and_separators() {
        assertThat(Suggestions.closest("prot", KEYS)).contains("port");
        assertThat(Suggestions.closest("PORT", KEYS)).contains("port");
        assertThat(Suggestions.closest("limits.max-frame-bytes", KEYS)).contains("limits.maxFrameBytes");
        assertThat(Suggestions.closest("limits.maxFrameBites", KEYS)).contains("limits.maxFrameBytes");
        assertThat(Suggestions.closest("heartbeat.intervall", KEYS)).contains("heartbeat.interval");
    }

    @Test
    void finds_a_setting_in_the_wrong_section() {
        assertThat(Suggestions.closest("registry.interval", KEYS)).contains("heartbeat.interval");
    }

    @Test
    void does_not_guess_wildly() {
        assertThat(Suggestions.closest("home", KEYS)).as("HOME is not a typo of HOST").isEmpty();
        assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
        assertThat(Suggestions.closest("name", KEYS)).isEmpty();
    }

    @Test
    void counts_a_swap_as_one_edit() {
        assertThat(Suggestions.distance("port", "prot")).isEqualTo(1);
        assertThat(Suggestions.distance("port", "port")).isZero();
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }
}
