package dev.roadie.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path temp;

    @Test
    void creates_the_data_folder_owner_only_and_the_database_file_0600() throws IOException {
        Path dir = temp.resolve("nested/data");

        try (Database db = Database.open(dir)) {
            db.write(c -> insertAudit(c, "first"));

            assertThat(db.dataDir()).isEqualTo(dir.toAbsolutePath());
            assertThat(permissions(dir)).isEqualTo("rwx------");
            assertThat(permissions(dir.resolve("roadie.db"))).isEqualTo("rw-------");
            // SQLite gives its side files the database's permissions; they hold the same data.
            assertThat(permissions(dir.resolve("roadie.db-wal"))).isEqualTo("rw-------");
        }
    }

    @Test
    void leaves_an_existing_folder_as_it_is() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));

        Database.open(dir).close();

        assertThat(permissions(dir)).isEqualTo("rwxr-x---");
        assertThat(permissions(dir.resolve("roadie.db"))).isEqualTo("rw-------");
    }

    @Test
    void uses_write_ahead_logging() {
        try (Database db = Database.open(temp)) {
            assertThat(db.<String>read(c -> text(c, "PRAGMA journal_mode"))).isEqualTo("wal");
        }
    }

    @Test
    void the_schema_has_the_tables_other_code_is_written_against() {
        try (Database db = Database.open(temp)) {
            assertThat(db.read(Migrations::version)).isEqualTo(4);
            assertThat(db.<List<String>>read(c -> columns(c, "tokens"))).containsExactly(
                    "id", "name", "kind", "scopes", "secret_hash", "created_at", "revoked_at", "last_used_at");
            assertThat(db.<List<String>>read(c -> columns(c, "services"))).containsExactly(
                    "kind", "name", "descriptor", "state", "owner", "stats", "announced_at", "last_seen");
            assertThat(db.<List<String>>read(c -> columns(c, "audit")))
                    .containsExactly("id", "at", "actor", "action", "detail");
            assertThat(db.<List<String>>read(c -> columns(c, "durable_messages")))
                    .containsExactly("id", "receiver", "message", "created_at");
            assertThat(db.<List<String>>read(c -> columns(c, "pairings"))).containsExactly("id", "flow",
                    "device_code_hash", "user_code_hash", "kind", "device_name", "platform", "address", "state",
                    "scopes", "created_at", "expires_at", "last_poll_at", "decided_by", "token_id", "redeemed_at");
        }
    }

    @Test
    void reopening_applies_no_migration_twice_and_keeps_the_data() {
        try (Database db = Database.open(temp)) {
            db.write(c -> insertAudit(c, "kept"));
        }
        for (int i = 0; i < 2; i++) {
            try (Database db = Database.open(temp)) {
                assertThat(db.read(Migrations::version)).isEqualTo(Migrations.latest());
                assertThat(db.read(DatabaseTest::auditDetails)).containsExactly("kept");
            }
        }
    }

    @Test
    void refuses_a_database_from_a_newer_roadie() throws SQLException {
        Database.open(temp).close();
        try (Connection raw = raw(temp); Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }

        assertThatThrownBy(() -> Database.open(temp))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("knows only up to " + Migrations.latest());
    }

    @Test
    void write_commits_and_write_and_get_returns_the_result() {
        try (Database db = Database.open(temp)) {
            long id = db.writeAndGet(c -> {
                insertAudit(c, "one");
                return c.createStatement().executeQuery("SELECT max(id) FROM audit").getLong(1);
            });

            assertThat(id).isEqualTo(1);
            assertThat(db.read(DatabaseTest::auditDetails)).containsExactly("one");
        }
    }

    @Test
    void a_failing_write_is_rolled_back() {
        try (Database db = Database.open(temp)) {
            assertThatThrownBy(() -> db.write(c -> {
                insertAudit(c, "lost");
                c.createStatement().execute("INSERT INTO nowhere VALUES (1)");
            })).isInstanceOf(StoreException.class)
                    .hasMessageContaining(temp.resolve("roadie.db").toString())
                    .hasMessageContaining("no such table: nowhere")
                    .hasCauseInstanceOf(SQLException.class);

            IllegalStateException bug = new IllegalStateException("bug");
            assertThatThrownBy(() -> db.write(c -> {
                insertAudit(c, "lost too");
                throw bug;
            })).isSameAs(bug);

            assertThat(db.read(DatabaseTest::auditDetails)).isEmpty();
            db.write(c -> insertAudit(c, "fine"));
            assertThat(db.read(DatabaseTest::auditDetails)).containsExactly("fine");
        }
    }

    @Test
    void a_nested_write_joins_the_outer_transaction() {
        try (Database db = Database.open(temp)) {
            assertThatThrownBy(() -> db.write(outer -> {
                insertAudit(outer, "outer");
                db.write(inner -> insertAudit(inner, "inner"));
                throw new IllegalStateException("abandon both");
            })).hasMessage("abandon both");

            assertThat(db.read(DatabaseTest::auditDetails)).isEmpty();
        }
    }

    @Test
    void a_failing_read_names_the_database() {
        try (Database db = Database.open(temp)) {
            assertThatThrownBy(() -> db.read(c -> c.createStatement().executeQuery("SELECT nothing FROM nowhere")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Database error on " + temp.resolve("roadie.db"));
        }
    }

    @Test
    void cannot_be_used_after_close() {
        Database db = Database.open(temp);
        db.close();
        db.close();

        assertThatThrownBy(() -> db.read(Migrations::version))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void a_file_in_place_of_the_folder_is_reported_clearly() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "not a folder");

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot open the data folder " + file + ": ")
                .hasMessageContaining("is not a folder");
    }

    @Test
    void a_damaged_database_is_reported_clearly() throws IOException {
        Files.writeString(temp.resolve("roadie.db"), "this is not a database, just some text. ".repeat(100));

        assertThatThrownBy(() -> Database.open(temp))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The database " + temp.resolve("roadie.db")
                        + " is damaged or is not a Roadie database");
    }

    @Test
    void a_database_locked_by_another_process_is_reported_clearly() throws SQLException {
        Database.open(temp).close();
        try (Database db = Database.open(temp, Duration.ofMillis(100)); Connection other = raw(temp)) {
            try (Statement statement = other.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
            }

            assertThatThrownBy(() -> db.write(c -> insertAudit(c, "blocked")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("The database " + temp.resolve("roadie.db") + " is locked by another process");
            // Readers are not blocked by a writer in WAL mode.
            assertThat(db.read(DatabaseTest::auditDetails)).isEmpty();

            try (Statement statement = other.createStatement()) {
                statement.execute("ROLLBACK");
            }
            db.write(c -> insertAudit(c, "after"));
            assertThat(db.read(DatabaseTest::auditDetails)).containsExactly("after");
        }
    }

    @Test
    void two_instances_on_one_folder_both_work_like_a_hub_and_the_cli() throws Exception {
        try (Database hub = Database.open(temp); Database cli = Database.open(temp)) {
            cli.write(c -> insertAudit(c, "from cli"));
            assertThat(hub.read(DatabaseTest::auditDetails)).containsExactly("from cli");
            hub.write(c -> insertAudit(c, "from hub"));
            assertThat(cli.read(DatabaseTest::auditDetails)).containsExactly("from cli", "from hub");

            // Writers in both at once wait for each other (busy timeout) instead of failing.
            List<Thread> writers = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (Database db : List.of(hub, cli)) {
                Thread writer = Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < 50; i++) {
                            db.write(c -> insertAudit(c, "busy"));
                        }
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                });
                writers.add(writer);
            }
            for (Thread writer : writers) {
                writer.join();
            }

            assertThat(failures).isEmpty();
            assertThat(hub.read(DatabaseTest::auditDetails)).hasSize(102);
        }
    }

    static void insertAudit(Connection c, String detail) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit (at, actor, action, detail) VALUES (1, 'test', 'test', ?)")) {
            insert.setString(1, detail);
            insert.executeUpdate();
        }
    }

    private static List<String> auditDetails(Connection c) throws SQLException {
        List<String> details = new ArrayList<>();
        try (Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT detail FROM audit ORDER BY id")) {
            while (rows.next()) {
                details.add(rows.getString(1));
            }
        }
        return details;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.getString(1);
        }
    }

    private static Connection raw(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("roadie.db"));
    }

    @Test
    void a_write_after_the_database_file_was_deleted_is_refused_instead_of_lost() throws IOException {
        try (Database db = Database.open(temp)) {
            db.write(c -> insertAudit(c, "before"));
            Files.delete(temp.resolve("roadie.db"));

            assertThatThrownBy(() -> db.write(c -> insertAudit(c, "lost")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("Refused to write")
                    .hasMessageContaining(temp.resolve("roadie.db") + " is gone")
                    .hasMessageContaining("put the data folder back");
            assertThat(db.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("is gone"));
        }
    }

    @Test
    void a_hub_locks_its_data_folder_and_releases_it_when_closed() {
        try (Database hub = Database.openForHub(temp)) {
            assertThatThrownBy(() -> Database.openForHub(temp))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("Another hub is running on the data folder " + temp.toAbsolutePath());
            try (Database tool = Database.open(temp)) {
                tool.write(c -> insertAudit(c, "from the token command"));
            }
            assertThat(hub.problem()).isEmpty();
        }
        Database.openForHub(temp).close();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
