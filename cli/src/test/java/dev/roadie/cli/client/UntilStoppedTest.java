package dev.roadie.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UntilStoppedTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void a_stop_from_another_thread_ends_the_wait_with_exit_code_0() throws Exception {
        UntilStopped running = new UntilStopped("test-stop");
        CompletableFuture<Integer> waited = CompletableFuture.supplyAsync(() -> awaitQuietly(running));

        running.stop();

        assertThat(waited.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
    }

    @Test
    void a_failure_ends_the_wait_with_exit_code_1_even_before_the_wait_began() throws Exception {
        UntilStopped running = new UntilStopped("test-stop");
        running.fail();

        assertThat(CompletableFuture.supplyAsync(() -> awaitQuietly(running)).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(1);
    }

    private static int awaitQuietly(UntilStopped running) {
        try {
            return running.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
