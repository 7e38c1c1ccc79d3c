package dev.roadie.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A device pairs through any hub of a cluster: asks on one, is approved on another, connects to all. */
class PairingAcrossHubsTest {
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
    void a_device_that_asked_on_one_hub_is_approved_on_another_and_its_token_works_on_both() {
        Http.Response start = Http.to(a).post("/api/pair/start", null, "{\"kind\": \"mobile\", \"name\": \"Phone\"}");
        assertThat(start.status()).as(start.toString()).isBetween(200, 201);
        JsonNode started = start.json();
        String userCode = started.get("user_code").asString();

        long asked = System.nanoTime();
        await("hub B listing the request").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> Http.to(b).get("/api/pair/requests", b.adminToken()).body(), body -> body.contains("Phone"));
        System.out.printf("pairing request on A listed on B after %d ms%n", (System.nanoTime() - asked) / 1_000_000);
        Http.Response approved = Http.to(b).post("/api/pair/requests/" + userCode + "/approve", b.adminToken(), "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        JsonNode granted = await("hub A granting the token").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20)).until(() -> poll(a, started), answer -> answer.status() == 200)
                .json();
        String token = granted.get("access_token").asString();

        await("hub B accepting the device's token").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> Http.to(b).get("/api/services", token).status() == 200);
        assertThat(Http.to(a).get("/api/services", token).status()).isEqualTo(200);
        assertThat(poll(b, started).status()).as("the device code, redeemed on A, gives nothing more on B")
                .isEqualTo(400);
        await("hub B listing the paired device").atMost(Duration.ofSeconds(5))
                .until(() -> Http.to(b).get("/api/pair/devices", b.adminToken()).body(), body -> body.contains("Phone"));
    }

    @Test
    void a_request_denied_on_one_hub_is_denied_on_the_hub_the_device_polls() {
        JsonNode started = Http.to(a).post("/api/pair/start", null, "{\"kind\": \"desktop\", \"name\": \"Laptop\"}")
                .json();
        String userCode = started.get("user_code").asString();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> Http.to(b).get("/api/pair/requests", b.adminToken()).body(), body -> body.contains("Laptop"));

        assertThat(Http.to(b).post("/api/pair/requests/" + userCode + "/deny", b.adminToken(), "").status())
                .isEqualTo(200);

        await("hub A answering access_denied").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> poll(a, started).body(), body -> body.contains("access_denied"));
    }

    @Test
    void a_request_long_expired_is_dropped_from_the_shared_hash_and_not_taken_in() {
        long twoDaysAgo = System.currentTimeMillis() - Duration.ofDays(2).toMillis();
        String old = "{\"id\":\"oldrequest01\",\"flow\":\"device\",\"kind\":\"mobile\",\"deviceName\":\"Old phone\","
                + "\"state\":\"pending\",\"scopes\":[],\"createdAt\":" + twoDaysAgo + ",\"expiresAt\":"
                + (twoDaysAgo + 600_000) + ",\"deviceCodeHash\":\"dc-old\",\"userCodeHash\":\"uc-old\"}";
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> spy = client.connect()) {
            String key = cluster.name() + ":pairings";
            spy.sync().hset(key, "oldrequest01", old);

            await("the old request dropped from " + key).atMost(Duration.ofSeconds(6))
                    .pollInterval(Duration.ofMillis(50)).until(() -> !spy.sync().hexists(key, "oldrequest01"));
        } finally {
            client.shutdown();
        }
    }

    private static Http.Response poll(TestHub hub, JsonNode started) {
        return Http.to(hub).post("/api/pair/token", null, "{\"device_code\": \"" + started.get("device_code").asString()
                + "\", \"grant_type\": \"urn:ietf:params:oauth:grant-type:device_code\"}");
    }
}
