package dev.roadie.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.store.AuditEntry;
import dev.roadie.hub.store.AuditView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Every hub's audit entries reach one log, which GET /api/audit on any hub shows. */
class AuditAcrossHubsTest {
    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    @TempDir
    Path folder;

    ClusterHubs cluster;
    TestHub a;
    TestHub b;

    @BeforeEach
    void startTwoHubs() {
        cluster = new ClusterHubs(folder, redis.uri());
        a = cluster.start();
        b = cluster.start();
    }

    @AfterEach
    void stopHubs() {
        cluster.close();
    }

    @Test
    void an_action_on_one_hub_is_in_the_audit_log_of_the_other_naming_the_hub() {
        Http.Response created = Http.to(a).post("/api/tokens", a.adminToken(),
                "{\"name\":\"audited\",\"kind\":\"desktop\",\"scopes\":[]}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("info").get("id").asString();
        assertThat(Http.to(b).delete("/api/tokens/" + id, b.adminToken()).status()).isEqualTo(200);

        JsonNode log = await("both entries in the cluster's log").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Http.to(b).get("/api/audit?limit=10", b.adminToken()).json(), entries -> entries.size() >= 2);

        JsonNode revoke = log.get(0);
        JsonNode create = log.get(1);
        assertThat(revoke.get("action").asString()).isEqualTo("token.revoke");
        assertThat(revoke.get("hub").asString()).isEqualTo(b.hub().epoch());
        assertThat(create.get("action").asString()).isEqualTo("token.create");
        assertThat(create.get("hub").asString()).isEqualTo(a.hub().epoch());
        assertThat(create.get("detail").asString()).contains("name=audited");
        assertThat(Http.to(a).get("/api/audit?limit=10", a.adminToken()).json()).isEqualTo(log);
    }

    @Test
    void the_shared_log_keeps_about_its_cap_newest_first() {
        try (RedisLink link = RedisLink.connect(redis.uri())) {
            SharedAudit audit = new SharedAudit("hub-x", new ClusterKeys(cluster.name() + "-capped"), link, 10);
            for (int i = 0; i < 300; i++) {
                audit.add(new AuditEntry(0, Instant.ofEpochMilli(i), "test", "entry." + i, null));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> audit.recent(1).getFirst().action().equals("entry.299"));

            assertThat(audit.recent(3)).extracting(AuditView::action).containsExactly("entry.299", "entry.298",
                    "entry.297");
            // Redis trims whole nodes of its stream (100 entries each by default), never below the cap.
            long kept = link.async().xlen(cluster.name() + "-capped:audit").toCompletableFuture().join();
            assertThat(kept).isBetween(10L, 110L);
        }
    }
}
