package dev.roadie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuScenarioTest {

    @Test
    void the_full_run_measures_both_rates_of_every_relay_variant() {
        List<String> cells = CpuScenario.cells(false).stream().map(CpuScenario.Cell::name).toList();

        assertThat(cells).hasSize(8).contains("1:1 100 B at 2,000 msg/s", "1:1 100 B at 8,000 msg/s",
                "1:10 2 KB at 2,000 msg/s", "1:10 2 KB at 8,000 msg/s");
    }

    @Test
    void a_window_holds_enough_messages_for_a_tick_at_each_end_to_stay_under_four_microseconds_a_message() {
        for (CpuScenario.Cell cell : CpuScenario.cells(false)) {
            double messages = cell.rate() * cell.window().toMillis() / 1000.0;
            double tickMicros = 1e6 / 100;
            assertThat(2 * tickMicros / messages).as(cell.name()).isLessThan(4);
        }
    }

    @Test
    void the_quick_run_measures_one_short_window() {
        assertThat(CpuScenario.cells(true)).singleElement()
                .satisfies(cell -> assertThat(cell.window()).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void cpu_is_divided_by_the_messages_delivered_not_those_sent() {
        CpuScenario.Window window = new CpuScenario.Window(Duration.ofMillis(600), Duration.ofMillis(900), 8_000, 6_000, 2.0);

        assertThat(window.serverMicrosPerMessage()).isCloseTo(100, within(1e-9));
        assertThat(window.generatorMicrosPerMessage()).isCloseTo(150, within(1e-9));
        assertThat(window.serverShareOfCore()).isCloseTo(0.3, within(1e-9));
        assertThat(window.deliveredShare()).isCloseTo(0.75, within(1e-9));
    }
}
