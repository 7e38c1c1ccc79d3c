package dev.roadie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelayScenarioTest {
    private static final List<Integer> LADDER = RelayScenario.variants(false).getFirst().ladder();

    @Test
    void the_ladder_doubles_at_first_and_is_finer_where_systems_saturate() {
        assertThat(LADDER).startsWith(2_000, 4_000, 8_000).contains(12_000, 24_000, 48_000, 96_000).endsWith(128_000)
                .isSorted();
        for (int i = LADDER.indexOf(8_000) + 1; i < LADDER.size(); i++) {
            assertThat((double) LADDER.get(i) / LADDER.get(i - 1)).as("step to %d", LADDER.get(i)).isLessThanOrEqualTo(1.5);
        }
    }

    @Test
    void a_later_repetition_starts_at_half_the_first_ones_answer_and_climbs() {
        assertThat(RelayScenario.laterLadder(LADDER, 16_000)).startsWith(8_000, 12_000, 16_000, 24_000).endsWith(128_000);
        assertThat(RelayScenario.laterLadder(LADDER, 24_000)).startsWith(12_000, 16_000);
        assertThat(RelayScenario.laterLadder(LADDER, 128_000)).containsExactly(64_000, 96_000, 128_000);
    }

    @Test
    void a_later_repetition_of_a_system_at_the_bottom_of_the_ladder_starts_there() {
        assertThat(RelayScenario.laterLadder(LADDER, 2_000)).startsWith(2_000, 4_000);
        assertThat(RelayScenario.laterLadder(LADDER, 0)).containsExactly(2_000);
    }
}
