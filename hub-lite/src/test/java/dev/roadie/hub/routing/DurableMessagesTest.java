package dev.roadie.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.store.Database;
import dev.roadie.hub.testing.ManualClock;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableMessagesTest {
    private static final ServiceId BOT = ServiceId.parse("music-bot/eu-1");
    private static final ServiceId DESKTOP = ServiceId.parse("desktop/anna");
    private static final Duration TTL = Duration.ofDays(1);

    @TempDir
    Path temp;
    private Database db;
    private DurableMessages durable;

    @BeforeEach
    void open() {
        db = Database.open(temp);
        durable = new LocalDurableMessages(db, Clock.systemUTC(), TTL, HubConfig.defaults().quotas());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_receiver_with_nothing_waiting_is_answered_without_the_database() {
        assertThat(whileTheDatabaseIsBusy(() -> durable.pendingFor(DESKTOP))).isEmpty();
    }

    @Test
    void what_waits_is_found_until_it_is_delivered_and_then_no_longer_asked() {
        List<Long> ids = durable.store(List.of(BOT, DESKTOP), message("m-1"));

        assertThat(durable.pendingFor(DESKTOP)).extracting(DurableMessages.Pending::id).containsExactly(ids.get(1));
        durable.delivered(ids.get(1));
        // The first query after the last delivery finds nothing; the one after that needs no query.
        assertThat(durable.pendingFor(DESKTOP)).isEmpty();
        assertThat(whileTheDatabaseIsBusy(() -> durable.pendingFor(DESKTOP))).isEmpty();
        assertThat(durable.pendingFor(BOT)).extracting(DurableMessages.Pending::id).containsExactly(ids.get(0));
    }

    @Test
    void a_receiver_answered_empty_is_asked_again_once_something_is_stored_for_it() {
        assertThat(durable.pendingFor(DESKTOP)).isEmpty();

        long id = durable.store(List.of(DESKTOP), message("m-2")).getFirst();

        assertThat(durable.pendingFor(DESKTOP)).extracting(DurableMessages.Pending::id).containsExactly(id);
    }

    @Test
    void what_waited_before_a_restart_is_found_after_it() {
        long id = durable.store(List.of(DESKTOP), message("m-3")).getFirst();
        db.close();

        db = Database.open(temp);
        DurableMessages restarted = new LocalDurableMessages(db, Clock.systemUTC(), TTL, HubConfig.defaults().quotas());

        assertThat(restarted.pendingFor(DESKTOP)).extracting(DurableMessages.Pending::id).containsExactly(id);
        assertThat(whileTheDatabaseIsBusy(() -> restarted.pendingFor(BOT))).isEmpty();
    }

    @Test
    void a_quota_freed_by_acknowledgements_and_expiry_can_be_used_again_but_not_twice() {
        ManualClock clock = ManualClock.at("2026-12-07T08:00:00Z");
        HubConfig.Quotas two = new HubConfig.Quotas(2, 1 << 20, 100, 1 << 20, 100, 1 << 20, 1, 1, 1, 1, 1);
        DurableMessages limited = new LocalDurableMessages(db, clock, TTL, two);
        long first = limited.store(List.of(DESKTOP), message("m-1")).getFirst();
        limited.store(List.of(DESKTOP), message("m-2"));
        assertThatThrownBy(() -> limited.store(List.of(DESKTOP), message("m-3")))
                .isInstanceOf(QuotaExceededException.class).hasMessageContaining("quotas.durablePerSender");

        // Acknowledged twice (a redelivery in a new session): counted off once.
        limited.delivered(first);
        limited.delivered(first);
        limited.store(List.of(DESKTOP), message("m-3"));
        assertThatThrownBy(() -> limited.store(List.of(DESKTOP), message("m-4")))
                .isInstanceOf(QuotaExceededException.class);

        clock.advance(TTL.plusSeconds(1));
        assertThat(limited.expire()).isEqualTo(2);
        limited.store(List.of(DESKTOP, BOT), message("m-5"));
        assertThatThrownBy(() -> limited.store(List.of(BOT), message("m-6")))
                .isInstanceOf(QuotaExceededException.class);
    }


    /** Runs {@code call} while another thread holds the database in a write; fails if it waits for it. */
    private <T> T whileTheDatabaseIsBusy(Supplier<T> call) {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> db.write(c -> {
            writing.countDown();
            awaitQuietly(release);
        }));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> writing.await());
            return assertTimeoutPreemptively(Duration.ofSeconds(5), call::get,
                    "the call waited for the database, which another thread holds");
        } finally {
            release.countDown();
            writer.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Message message(String id) {
        return new Message(0, id, null, Address.service("desktop", "anna"), "note", null, true);
    }
}
