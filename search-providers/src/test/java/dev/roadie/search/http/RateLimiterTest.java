package dev.roadie.search.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000);

    @Test
    void musicbrainz_gets_one_request_a_second() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), nanos::get);

        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(1));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(limiter.reserve()).isZero();
    }

    @Test
    void deezer_gets_a_burst_of_fifty_per_five_seconds() {
        RateLimiter limiter = new RateLimiter(50, Duration.ofSeconds(5), nanos::get);

        for (int i = 0; i < 50; i++) {
            assertThat(limiter.reserve()).as("request %d", i).isZero();
        }
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(100));
        limiter.giveBack();
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(limiter.reserve()).isZero();
    }

    @Test
    void a_retry_after_pause_holds_even_with_permits_left() {
        RateLimiter limiter = new RateLimiter(20, Duration.ofMinutes(1), nanos::get);

        limiter.pauseFor(Duration.ofSeconds(30));

        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(30));
        limiter.giveBack();
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(limiter.reserve()).isZero();
    }
}
