package dev.roadie.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.store.AuditEntry;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.RawSocket;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Goodbye;
import dev.roadie.model.wire.Hello;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Token guessing costs time: failed token checks, REST and hello, are throttled per client address. */
class FailedTokenThrottleTest {
    static final String GUESS = "rd_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();

    TestHub start(Map<String, String> settings) {
        java.util.Map<String, String> all = new java.util.HashMap<>(Map.of("limits.freeTokenFailures", "3",
                "limits.tokenFailureWait", "1s", "limits.maxTokenFailureWait", "1m"));
        all.putAll(settings);
        return hub.start(all);
    }

    /** GET /api/services with {@code token}, through a proxy naming {@code address}; the raw response. */
    String services(String token, String address) {
        try (RawSocket socket = RawSocket.open(hub.port())) {
            socket.write("GET /api/services HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                    + "X-Forwarded-For: " + address + "\r\nConnection: close\r\n\r\n");
            return socket.readResponse(Duration.ofSeconds(5));
        }
    }

    @Test
    void rest_calls_with_bad_tokens_must_wait_after_the_free_ones_with_a_429_that_says_how_long() {
        Http http = Http.to(start(Map.of()));
        String good = hub.token("alice", "desktop", "registry");
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/services", GUESS).status()).isEqualTo(401);
        }
        assertThat(http.get("/api/services", good).status()).as("three failures are free").isEqualTo(200);

        assertThat(http.get("/api/services", GUESS).status()).as("the fourth failure is still answered")
                .isEqualTo(401);
        Http.Response refused = http.get("/api/services", good);

        assertThat(refused.status()).as("even a good token waits: no token is checked meanwhile").isEqualTo(429);
        assertThat(refused.json().get("code").asString()).isEqualTo("rate-limited");
        assertThat(refused.json().get("message").asString())
                .isEqualTo("too many failed token checks from your address: try again in 1 s, with a valid token");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/services", good).status() == 200);
    }

    @Test
    void each_further_failure_doubles_the_wait_and_the_answer_says_retry_after() {
        start(Map.of("http.trustedProxies", "127.0.0.1"));
        for (int i = 0; i < 4; i++) {
            assertThat(services(GUESS, "203.0.113.7")).startsWith("HTTP/1.1 401");
        }
        assertThat(services(GUESS, "203.0.113.7")).startsWith("HTTP/1.1 429").contains("Retry-After: 1");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> services(GUESS, "203.0.113.7").startsWith("HTTP/1.1 401"));

        assertThat(services(GUESS, "203.0.113.7")).as("the fifth failure waits twice as long")
                .startsWith("HTTP/1.1 429").contains("Retry-After: 2");
    }

    @Test
    void another_address_is_not_held_up_by_a_guesser() {
        start(Map.of("http.trustedProxies", "127.0.0.1"));
        String good = hub.token("alice", "desktop", "registry");
        for (int i = 0; i < 4; i++) {
            services(GUESS, "203.0.113.7");
        }

        assertThat(services(good, "203.0.113.7")).startsWith("HTTP/1.1 429");
        assertThat(services(good, "198.51.100.2")).startsWith("HTTP/1.1 200");
    }

    @Test
    void hellos_with_bad_tokens_must_wait_after_the_free_ones_told_by_goodbye_and_4029() {
        start(Map.of());
        for (int i = 0; i < 4; i++) {
            try (WireClient guesser = WireClient.connect(hub.port())) {
                guesser.sendFrame(new Hello(GUESS, null, null, null, 1, "guesser"));
                assertThat(guesser.expectError().code()).isEqualTo(ErrorCode.UNAUTHORIZED);
                assertThat(guesser.awaitClose()).isEqualTo(4003);
            }
        }

        WireClient next = hub.track(WireClient.connect(hub.port()));
        next.sendFrame(new Hello(hub.token("alice", "desktop"), null, null, null, 1, "alice"));

        ErrorFrame error = next.expectError();
        assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(error.message()).startsWith("too many failed token checks from your address: come back in");
        Goodbye goodbye = next.expect(Goodbye.class);
        assertThat(goodbye.reconnectMs()).isBetween(1L, 1000L);
        assertThat(next.awaitClose()).isEqualTo(4029);
    }

    @Test
    void rest_and_hello_failures_count_together() {
        Http http = Http.to(start(Map.of()));
        for (int i = 0; i < 4; i++) {
            http.get("/api/services", GUESS);
        }

        WireClient next = hub.track(WireClient.connect(hub.port()));
        next.sendFrame(new Hello(hub.token("alice", "desktop"), null, null, null, 1, "alice"));

        assertThat(next.expectError().code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(next.awaitClose()).isEqualTo(4029);
    }

    @Test
    void every_failed_check_is_in_the_audit_log_with_the_address_and_the_token_id() {
        Http http = Http.to(start(Map.of()));
        for (int i = 0; i < 4; i++) {
            http.get("/api/services", GUESS);
        }

        var failures = hub.hub().context().audit().recent(10).stream()
                .filter(e -> e.action().equals("token.failed")).toList();
        assertThat(failures).hasSize(4).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("address:127.0.0.1");
            assertThat(entry.detail()).startsWith("rest token id AAAAAAAAAAAA");
        });
        assertThat(failures.get(0).detail()).as("newest first: the one that imposed a wait")
                .endsWith("failure 4, must wait 1000 ms");
        assertThat(failures).map(AuditEntry::detail).noneMatch(d -> d.contains(GUESS.substring(16)));
    }
}
