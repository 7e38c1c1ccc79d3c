package dev.roadie.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** GET /api/audit on a hub alone: its own entries, newest first, for admins only. */
class AuditApiTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.withDefaults();
    Http http;

    @BeforeEach
    void client() {
        http = Http.to(hub);
    }

    @Test
    void the_audit_log_lists_the_newest_entries_first() {
        http.post("/api/tokens", hub.adminToken(), "{\"name\":\"first\",\"kind\":\"desktop\",\"scopes\":[]}");
        http.post("/api/tokens", hub.adminToken(), "{\"name\":\"second\",\"kind\":\"desktop\",\"scopes\":[]}");

        Http.Response answer = http.get("/api/audit?limit=2", hub.adminToken());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode entries = answer.json();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("detail").asString()).contains("name=second");
        assertThat(entries.get(1).get("detail").asString()).contains("name=first");
        assertThat(entries.get(0).path("hub").isMissingNode() || entries.get(0).path("hub").isNull())
                .as("no cluster, no hub id").isTrue();
    }

    @Test
    void a_limit_out_of_range_is_refused_saying_the_range() {
        Http.Response answer = http.get("/api/audit?limit=5000", hub.adminToken());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("1 to 1000");
    }

    @Test
    void only_an_admin_reads_the_audit_log() {
        String desktop = hub.token("alice", "desktop", "send:music-bot");

        assertThat(http.get("/api/audit", desktop).status()).isEqualTo(403);
    }
}
