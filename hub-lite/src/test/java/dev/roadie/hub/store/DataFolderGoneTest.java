package dev.roadie.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.TestHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder deleted or replaced under a running hub is noticed instead of writes vanishing. */
class DataFolderGoneTest {
    static final String NEW_TOKEN = "{\"name\":\"alice\",\"kind\":\"desktop\",\"scopes\":[\"registry\"]}";

    @TempDir
    Path temp;

    @Test
    void a_deleted_data_folder_turns_health_failing_with_the_reason_and_refuses_writes() throws IOException {
        Path data = temp.resolve("data");
        try (TestHub hub = TestHub.start(data)) {
            Http http = Http.to(hub);
            String admin = hub.adminToken();
            assertThat(http.get("/api/health", null).json().get("status").asString()).isEqualTo("ok");

            deleteRecursively(data);

            Http.Response health = http.get("/api/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("failing");
            assertThat(health.json().get("reason").asString()).contains(data.toString(), "is gone");
            assertThat(health.json().get("epoch").asString()).isNotBlank();

            Http.Response create = http.post("/api/tokens", admin, NEW_TOKEN);
            assertThat(create.status()).as("%s", create).isEqualTo(503);
            assertThat(create.json().get("code").asString()).isEqualTo("internal");
            assertThat(create.json().get("message").asString()).contains("storage", "/api/health")
                    .doesNotContain(data.toString());
        }
    }

    @Test
    void a_database_replaced_by_another_file_turns_health_failing() throws IOException {
        Path data = temp.resolve("data");
        try (TestHub hub = TestHub.start(data)) {
            Path db = data.resolve(Database.FILE_NAME);
            Path moved = Files.move(db, temp.resolve("elsewhere.db"));
            Files.copy(moved, db);

            Http.Response health = Http.to(hub).get("/api/health", null);

            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("reason").asString()).contains(db.toString(), "was replaced");
        }
    }

    @Test
    void a_deleted_lock_file_turns_health_failing_while_writes_go_on() throws IOException {
        Path data = temp.resolve("data");
        try (TestHub hub = TestHub.start(data)) {
            Files.delete(data.resolve("hub.lock"));
            Http http = Http.to(hub);

            Http.Response health = http.get("/api/health", null);
            Http.Response create = http.post("/api/tokens", hub.adminToken(), NEW_TOKEN);

            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("reason").asString()).contains("hub.lock", "another hub could start");
            assertThat(create.status()).as("%s", create).isEqualTo(201);
        }
    }

    @Test
    void health_without_a_problem_says_ok_and_no_reason() {
        try (TestHub hub = TestHub.start(temp.resolve("data"))) {
            Http.Response health = Http.to(hub).get("/api/health", null);

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("ok");
            assertThat(health.json().has("reason")).isFalse();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertThat(dir).doesNotExist();
    }
}
