package dev.roadie.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.store.Database;
import dev.roadie.hub.testing.ManualClock;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The line logged when durable messages expire says the time to live as a person would. */
class DurableExpiryLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(LocalDurableMessages.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final ManualClock clock = ManualClock.at("2026-12-07T08:00:00Z");

    @TempDir
    Path temp;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(temp);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void close() {
        logger.detachAppender(logged);
        db.close();
    }

    @Test
    void a_time_to_live_under_a_minute_is_written_in_seconds() {
        assertThat(expireOneAfter(Duration.ofSeconds(45))).contains("within 45s").doesNotContain("0 minutes");
    }

    @Test
    void a_time_to_live_of_a_day_is_written_in_hours_or_days() {
        assertThat(expireOneAfter(Duration.ofHours(24))).contains("within 1d");
    }

    /** Stores one message, lets it outlive {@code ttl} and returns what expiring it logged. */
    private String expireOneAfter(Duration ttl) {
        DurableMessages durable = new LocalDurableMessages(db, clock, ttl, HubConfig.defaults().quotas());
        durable.store(List.of(ServiceId.parse("desktop/anna")),
                new Message(0, "m-1", null, Address.service("desktop", "anna"), "note", null, true));
        clock.advance(ttl.plusSeconds(1));

        assertThat(durable.expire()).isEqualTo(1);

        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.contains("Dropped"))
                .findFirst().orElseThrow();
    }

}
