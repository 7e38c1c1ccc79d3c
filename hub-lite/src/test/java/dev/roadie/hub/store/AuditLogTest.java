package dev.roadie.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.123Z");

    @TempDir
    Path temp;

    private Database db;
    private AuditLog audit;

    @BeforeEach
    void open() {
        db = Database.open(temp);
        audit = new AuditLog(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recent_entries_come_newest_first() {
        audit.record("admin", "token.create", "id=a");
        audit.record("cli:alice", "token.revoke", "id=a");
        audit.record("hub", "service.remove", null);

        assertThat(audit.recent(2)).containsExactly(
                new AuditEntry(3, NOW, "hub", "service.remove", null),
                new AuditEntry(2, NOW, "cli:alice", "token.revoke", "id=a"));
        assertThat(audit.recent(10)).hasSize(3);
        assertThat(audit.recent(0)).isEmpty();
    }

    @Test
    void survives_reopening() {
        audit.record("admin", "token.create", "id=a");
        db.close();
        db = Database.open(temp);

        assertThat(new AuditLog(db, Clock.systemUTC()).recent(5))
                .extracting(AuditEntry::action).containsExactly("token.create");
    }

    @Test
    void an_entry_recorded_in_a_failed_transaction_is_rolled_back_with_it() {
        assertThatThrownBy(() -> db.write(c -> {
            audit.record("admin", "token.create", "id=a");
            throw new IllegalStateException("the action failed");
        })).hasMessage("the action failed");

        assertThat(audit.recent(5)).isEmpty();
    }

    @Test
    void rejects_a_missing_actor_or_action_and_a_negative_limit() {
        assertThatThrownBy(() -> audit.record(null, "x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> audit.record("x", null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> audit.recent(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
