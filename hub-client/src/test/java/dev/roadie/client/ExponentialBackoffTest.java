package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    @Test
    void bound_doubles_from_the_base_up_to_the_cap() {
        ExponentialBackoff backoff = new ExponentialBackoff();
        assertThat(backoff.bound(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.bound(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.bound(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff.bound(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.bound(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delays_are_jittered_over_the_whole_range_and_never_above_the_bound() {
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(250), Duration.ofSeconds(30),
                new Random(42));
        for (int attempt = 0; attempt < 40; attempt++) {
            Duration bound = backoff.bound(attempt);
            Duration low = bound;
            Duration high = Duration.ZERO;
            for (int i = 0; i < 200; i++) {
                Duration delay = backoff.delay(attempt);
                assertThat(delay).isBetween(Duration.ZERO, bound);
                low = delay.compareTo(low) < 0 ? delay : low;
                high = delay.compareTo(high) > 0 ? delay : high;
            }
            // Full jitter: 200 draws reach both ends of the range.
            assertThat(low.toNanos()).isLessThan(bound.toNanos() / 10);
            assertThat(high.toNanos()).isGreaterThan(bound.toNanos() * 9 / 10);
        }
    }

    @Test
    void the_same_seed_gives_the_same_delays() {
        ExponentialBackoff one = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(7));
        ExponentialBackoff two = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(7));
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(one.delay(attempt)).isEqualTo(two.delay(attempt));
        }
    }

    @Test
    void contradictory_settings_are_refused() {
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("base must be positive");
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("cap").hasMessageContaining("must not be shorter");
    }
}
