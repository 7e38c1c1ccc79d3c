package dev.roadie.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.RawSocket;
import dev.roadie.hub.testing.WireClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that send slowly, on purpose: bodies and headers a byte at a time, and connections
 * that send nothing. Each must be cut off in time and none may keep the hub from answering others.
 */
class SlowClientsTest {
    /** What a slow client sends between its bytes. */
    static final Duration DRIBBLE = Duration.ofMillis(500);

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    final List<RawSocket> sockets = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("test-dribbler").daemon().factory());

    @AfterEach
    void stop() {
        dribbler.shutdownNow();
        sockets.forEach(RawSocket::close);
    }

    /** Opens a POST /api/send that announces a body of 1000 bytes, sends one and then one more every {@link #DRIBBLE}. */
    RawSocket slowSend(String token, String forwardedFor) {
        RawSocket socket = RawSocket.open(hub.port());
        sockets.add(socket);
        socket.write("POST /api/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
        return socket;
    }

    void keepDribbling(List<RawSocket> slow) {
        List<RawSocket> alive = new CopyOnWriteArrayList<>(slow);
        dribbler.scheduleAtFixedRate(() -> alive.removeIf(s -> !s.tryWrite(" ")), DRIBBLE.toMillis(),
                DRIBBLE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** GET /api/health with a deadline of its own; the status, or -1 when it got no answer in time. */
    int health(Duration within) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(within).build();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/health")).timeout(within)
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            client.close();
        }
    }

    @Test
    void hundreds_of_slow_request_bodies_from_one_address_leave_health_and_a_new_hello_answered() {
        // The slow clients come through a proxy, as one address; health and the hello come from another.
        hub.start(Map.of("http.trustedProxies", "127.0.0.1", "http.requestsPerAddress", "8"));
        String token = hub.token("attacker", "desktop", "send:music-bot");
        List<RawSocket> slow = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            slow.add(slowSend(token, "203.0.113.7"));
        }
        keepDribbling(slow);

        assertThat(health(Duration.ofSeconds(5))).as("health while 260 bodies dribble in").isEqualTo(200);
        WireClient client = hub.client("bob", "desktop");
        assertThat(client.welcome()).as("a new hello while 260 bodies dribble in").isNotNull();
        // Which 8 got in depends on the order the hub read them, and a slot freed by a cut call may
        // take one that came late: count most, then look at one refused.
        awaitRefused(slow, 200);
        RawSocket refused = slow.stream().filter(c -> c.received().startsWith("HTTP/1.1 429")).findFirst()
                .orElseThrow();
        assertThat(refused.readResponse(Duration.ofSeconds(2)))
                .as("a call over the address's limit is refused at once, saying which limit")
                .contains("limit-reached", "http.requestsPerAddress");
    }

    /** Waits until at least {@code refused} of {@code calls} got a 429. */
    static void awaitRefused(List<RawSocket> calls, int refused) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(calls.stream().filter(c -> c.readResponse(Duration.ofMillis(5)).startsWith("HTTP/1.1 429")))
                        .hasSizeGreaterThanOrEqualTo(refused));
    }

    @Test
    void one_token_may_have_only_requests_per_token_calls_open_whatever_its_addresses() {
        hub.start(Map.of("http.trustedProxies", "127.0.0.1", "http.requestsPerToken", "4"));
        String token = hub.token("attacker", "desktop", "send:music-bot");
        List<RawSocket> slow = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            slow.add(slowSend(token, "203.0.113." + (i + 1)));
        }

        awaitRefused(slow, 2);
        List<RawSocket> refused = slow.stream().filter(c -> c.received().startsWith("HTTP/1.1 429")).toList();
        assertThat(refused).as("only the 2 over the token's limit: the others stay open").hasSize(2)
                .allSatisfy(c -> assertThat(c.readResponse(Duration.ofSeconds(2)))
                        .contains("limit-reached", "http.requestsPerToken", "Retry-After: 1"));
        assertThat(health(Duration.ofSeconds(5))).isEqualTo(200);
    }

    @Test
    void a_request_body_that_dribbles_in_is_cut_off() {
        hub.start(Map.of("http.minRequestDataRate", "100"));
        RawSocket slow = slowSend(hub.adminToken(), null);
        keepDribbling(List.of(slow));

        // 1 byte per 500 ms is far under 100 bytes per second: the call fails at the second byte.
        String answer = slow.readResponse(Duration.ofSeconds(5));
        assertThat(answer).as("the slow call is answered, not left waiting").startsWith("HTTP/1.1 408");
    }

    @Test
    void a_request_body_that_arrives_fast_enough_but_for_too_long_is_cut_off_at_the_body_timeout() {
        hub.start(Map.of("http.bodyTimeout", "1s", "http.minRequestDataRate", "1"));
        RawSocket slow = slowSend(hub.adminToken(), null);
        // 20 bytes every 100 ms: 200 bytes a second, well over the minimum rate, yet 5 s for the body.
        dribbler.scheduleAtFixedRate(() -> slow.tryWrite(" ".repeat(20)), 100, 100, TimeUnit.MILLISECONDS);

        assertThat(slow.readResponse(Duration.ofSeconds(4))).startsWith("HTTP/1.1 408");
    }

    @Test
    void request_headers_sent_a_byte_at_a_time_are_cut_off_after_the_header_timeout() {
        hub.start(Map.of("http.headerTimeout", "500ms"));
        RawSocket slow = RawSocket.open(hub.port());
        sockets.add(slow);
        slow.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        dribbler.scheduleAtFixedRate(() -> slow.tryWrite("X-Slow: y\r\n"), 100, 100, TimeUnit.MILLISECONDS);

        assertThat(slow.closedWithin(Duration.ofSeconds(4))).as("closed within the header timeout and a sweep")
                .isTrue();
    }

    @Test
    void a_websocket_upgrade_sent_a_byte_at_a_time_is_cut_off_after_the_header_timeout() {
        hub.start(Map.of("http.headerTimeout", "500ms"));
        RawSocket slow = RawSocket.open(hub.port());
        sockets.add(slow);
        slow.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
        dribbler.scheduleAtFixedRate(() -> slow.tryWrite("X-Slow: y\r\n"), 100, 100, TimeUnit.MILLISECONDS);

        assertThat(slow.closedWithin(Duration.ofSeconds(4))).isTrue();
    }

    @Test
    void a_connection_that_sends_nothing_is_closed_after_the_idle_timeout() {
        hub.start(Map.of("http.idleTimeout", "500ms"));
        RawSocket silent = RawSocket.open(hub.port());
        sockets.add(silent);

        assertThat(silent.closedWithin(Duration.ofSeconds(4))).isTrue();
    }

    @Test
    void a_request_whose_headers_arrive_in_time_is_served_on_a_connection_kept_alive() {
        hub.start(Map.of("http.headerTimeout", "500ms"));
        RawSocket client = RawSocket.open(hub.port());
        sockets.add(client);

        client.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(client.readResponse(Duration.ofSeconds(5))).startsWith("HTTP/1.1 200");
        // Quiet between requests is the idle timeout's business, not the header timeout's.
        assertThat(client.closedWithin(Duration.ofSeconds(1))).isFalse();
    }
}
