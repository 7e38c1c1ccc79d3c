package dev.roadie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void no_options_run_every_system_and_scenario_three_times() {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.quick()).isFalse();
        assertThat(options.systems()).isEqualTo(BenchOptions.ALL_SYSTEMS);
        assertThat(options.scenarios()).containsExactlyElementsOf(BenchOptions.ALL_SCENARIOS);
        assertThat(options.repetitions()).isEqualTo(3);
    }

    @Test
    void quick_only_and_scenario_narrow_the_run() {
        BenchOptions options = BenchOptions.parse("--quick", "--only", "roadie,nats", "--scenario", "a,f");

        assertThat(options.repetitions()).isEqualTo(1);
        assertThat(options.systems()).isEqualTo(List.of("roadie", "nats"));
        assertThat(options.runs("a")).isTrue();
        assertThat(options.runs("d")).isFalse();
    }

    @Test
    void pinned_is_a_mode_of_its_own_and_the_cpu_scenario_is_among_the_defaults() {
        assertThat(BenchOptions.parse().pinned()).isFalse();
        assertThat(BenchOptions.parse("--pinned", "--scenario", "h").pinned()).isTrue();
        assertThat(BenchOptions.parse().runs("h")).isTrue();
    }

    @Test
    void an_unknown_system_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> BenchOptions.parse("--only", "redis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown system 'redis'")
                .hasMessageContaining("socket.io");
    }

    @Test
    void an_unknown_option_is_refused_with_the_usage() {
        assertThatThrownBy(() -> BenchOptions.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage: bin/bench");
    }
}
