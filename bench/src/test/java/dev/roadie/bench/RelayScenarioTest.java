package dev.roadie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelayScenarioTest {
    private static final List<Integer> LADDER = RelayScenario.variants(false).getFirst().ladder();

    @Test
    void the_ladder_is_finer_where_systems_saturate() {
        assertThat(LADDER).startsWith(500, 1_000, 2_000, 4_000, 8_000).contains(12_000, 24_000, 48_000, 96_000)
                .endsWith(128_000).isSorted();
        for (int i = 5; i < LADDER.size(); i++) {
            assertThat((double) LADDER.get(i) / LADDER.get(i - 1)).as("step to %d", LADDER.get(i)).isLessThanOrEqualTo(1.5);
        }
    }

    @Test
    void a_later_repetition_starts_a_step_below_the_first_ones_answer_and_climbs() {
        assertThat(RelayScenario.laterLadder(LADDER, 16_000)).startsWith(12_000, 16_000, 24_000, 32_000).endsWith(128_000);
        assertThat(RelayScenario.laterLadder(LADDER, 500)).startsWith(500, 1_000);
    }

    @Test
    void a_system_that_kept_up_with_nothing_tries_the_lowest_step_only() {
        assertThat(RelayScenario.laterLadder(LADDER, 0)).containsExactly(500);
    }
}
