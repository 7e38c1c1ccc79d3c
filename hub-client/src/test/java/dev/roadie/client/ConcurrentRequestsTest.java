package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.wire.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request handlers run beside each other, bounded, each after what arrived before its request:
 * a bot's slow search does not hold back its pause.
 */
class ConcurrentRequestsTest {
    private static final Duration WAIT = Clients.WAIT;
    /** How long the test watches that something does not happen. */
    private static final Duration WATCH = Duration.ofMillis(400);

    @TempDir
    Path data;
    LiveHub hub;
    Clients clients;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        hub = LiveHub.start(data);
        clients = new Clients();
    }

    @AfterEach
    void stop() {
        release.countDown();
        clients.close();
        hub.close();
    }

    @Test
    void a_slow_request_does_not_hold_back_a_quick_one() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot");
        CountDownLatch searching = new CountDownLatch(1);
        bot.handle("search", request -> {
            searching.countDown();
            release.await();
            return "found";
        });
        bot.handle("pause", request -> "paused");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "send:*");

        CompletableFuture<Reply> search = desktop.request(Address.service("music-bot", "eu-1"), "search", "abba");
        assertThat(searching.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the search started").isTrue();
        Reply pause = desktop.request(Address.service("music-bot", "eu-1"), "pause", null)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(pause.as(String.class)).isEqualTo("paused");
        assertThat(search).as("the search still runs").isNotDone();
        release.countDown();
        assertThat(search.get(WAIT.toSeconds(), TimeUnit.SECONDS).as(String.class)).isEqualTo("found");
    }

    @Test
    void a_request_handler_starts_after_the_handler_of_a_message_that_arrived_before_it() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot");
        AtomicReference<String> volume = new AtomicReference<>("unset");
        bot.receive("volume", message -> {
            release.await();
            volume.set(message.as(String.class));
        });
        bot.handle("volume?", request -> volume.get());
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "send:*");

        desktop.send(Address.service("music-bot", "eu-1"), "volume", "80").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture<Reply> asked = desktop.request(Address.service("music-bot", "eu-1"), "volume?", null);
        await().during(WATCH).atMost(WAIT).until(() -> !asked.isDone());
        release.countDown();

        assertThat(asked.get(WAIT.toSeconds(), TimeUnit.SECONDS).as(String.class)).isEqualTo("80");
    }

    @Test
    void no_more_request_handlers_run_at_once_than_the_option_allows() throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", b -> b.requestConcurrency(2));
        AtomicInteger started = new AtomicInteger();
        bot.handle("search", request -> {
            started.incrementAndGet();
            release.await();
            return request.as(String.class);
        });
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "send:*");

        var searches = java.util.stream.Stream.of("a", "b", "c")
                .map(query -> desktop.request(Address.service("music-bot", "eu-1"), "search", query)).toList();
        await().atMost(WAIT).until(() -> started.get() == 2);
        await().during(WATCH).atMost(WAIT).until(() -> started.get() == 2);
        release.countDown();

        for (int i = 0; i < 3; i++) {
            assertThat(searches.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS).as(String.class))
                    .isEqualTo(String.valueOf((char) ('a' + i)));
        }
        assertThat(started).hasValue(3);
    }
}
