package dev.roadie.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeStatsTest {
    static final NodeStats.Memory MEMORY = new NodeStats.Memory(1, 2, 3, 4);

    @Test
    void plausible_stats_have_no_problem_and_an_unknown_deficit_is_plausible() {
        assertThat(new NodeStats(10, 4, 1000, MEMORY, new NodeStats.Cpu(8, 0.3, 0.1),
                new NodeStats.FrameStats(12_000, 3, -1)).problem()).isEmpty();
        assertThat(new NodeStats(0, 0, 0, null, null, null).problem()).isEmpty();
    }

    @Test
    void a_load_that_is_not_a_number_is_a_problem() {
        assertThat(new NodeStats(1, 0, 1, null, new NodeStats.Cpu(4, Double.NaN, 0.1), null).problem())
                .contains("'stats.cpu.systemLoad' must be a fraction between 0 and 1, got NaN");
    }

    @Test
    void more_playing_players_than_players_is_a_problem() {
        assertThat(new NodeStats(2, 3, 1, null, null, null).problem())
                .contains("'stats.playingPlayers' must be between 0 and 2, got 3");
    }
}
