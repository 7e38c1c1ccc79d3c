package dev.roadie.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.RawSocket;
import dev.roadie.hub.testing.WireClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients with many addresses: every per-address limit counts an IPv6 client by its /64, and the
 * sockets still waiting for their hello are capped hub-wide as well as per address. The clients
 * come through a trusted proxy, so that one test machine can be many addresses.
 */
class AddressGroupsTest {
    private static final String GUESS = "rd_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    final List<RawSocket> sockets = new ArrayList<>();

    @AfterEach
    void stop() {
        sockets.forEach(RawSocket::close);
    }

    void start(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("http.trustedProxies", "127.0.0.1",
                "limits.authTimeout", "1m"));
        all.putAll(settings);
        hub.start(all);
    }

    WireClient socketFrom(String address) {
        return hub.track(WireClient.connect(hub.port(), Map.of("X-Forwarded-For", address)));
    }

    @Test
    void ipv6_addresses_count_by_their_64_and_ipv4_addresses_one_by_one() {
        assertThat(ClientAddresses.limitKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.limitKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.limitKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddresses.limitKey("::1")).isEqualTo("0:0:0:0::/64");
        assertThat(ClientAddresses.limitKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.limitKey("::ffff:203.0.113.7")).as("IPv4 mapped into IPv6").isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.limitKey("not-an-address")).isEqualTo("not-an-address");
    }

    @Test
    void connections_from_one_ipv6_64_share_its_connection_limit() {
        start(Map.of("limits.connectionsPerAddress", "2"));
        socketFrom("2001:db8:1:2::1");
        socketFrom("2001:db8:1:2::2");
        hub.awaitOpenConnections(2);

        WireClient third = socketFrom("2001:db8:1:2::3");
        WireClient otherNetwork = socketFrom("2001:db8:1:3::1");

        assertThat(third.awaitClose()).isEqualTo(4008);
        assertThat(third.closeReason()).isEqualTo("policy limit: too many connections from your address");
        otherNetwork.hello(hub.token("bob", "desktop"));
        assertThat(otherNetwork.isClosedByHub()).isFalse();
    }

    @Test
    void sockets_without_a_hello_from_one_ipv6_64_share_its_hello_pending_limit() {
        start(Map.of("limits.helloPendingPerAddress", "2"));
        WireClient oldest = socketFrom("2001:db8:1:2::1");
        hub.awaitOpenConnections(1);
        socketFrom("2001:db8:1:2::2");
        hub.awaitOpenConnections(2);

        WireClient newest = socketFrom("2001:db8:1:2::3");

        assertThat(oldest.awaitClose()).isEqualTo(4008);
        assertThat(oldest.closeReason())
                .isEqualTo("policy limit: too many connections without a hello from your address");
        newest.hello(hub.token("bob", "desktop"));
        assertThat(newest.isClosedByHub()).isFalse();
    }

    @Test
    void sockets_without_a_hello_are_capped_hub_wide_the_oldest_closed_first() {
        start(Map.of("limits.helloPendingTotal", "3"));
        List<WireClient> waiting = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            waiting.add(socketFrom("203.0.113." + i));
            // Oldest first: each is counted before the next opens.
            hub.awaitOpenConnections(i);
        }

        WireClient fourth = socketFrom("198.51.100.4");

        assertThat(waiting.get(0).awaitClose()).as("the oldest, from another address").isEqualTo(4008);
        assertThat(waiting.get(0).closeReason())
                .isEqualTo("policy limit: too many connections without a hello on the hub");
        fourth.hello(hub.token("bob", "desktop"));
        assertThat(fourth.isClosedByHub()).isFalse();
        waiting.get(2).hello(hub.token("carol", "desktop"));
        assertThat(waiting.get(2).isClosedByHub()).isFalse();
    }

    @Test
    void http_calls_from_one_ipv6_64_share_its_requests_per_address() {
        start(Map.of("http.requestsPerAddress", "2"));
        String token = hub.token("alice", "desktop", "send:music-bot");
        List<RawSocket> calls = List.of(slowSend(token, "2001:db8:1:2::1"), slowSend(token, "2001:db8:1:2::2"),
                slowSend(token, "2001:db8:1:2::3"));

        // Which one is refused depends on the order the hub read them in.
        SlowClientsTest.awaitRefused(calls, 1);
        RawSocket refused = calls.stream().filter(c -> c.received().startsWith("HTTP/1.1 429")).findFirst()
                .orElseThrow();
        assertThat(refused.readResponse(Duration.ofSeconds(2))).contains("http.requestsPerAddress");
    }

    @Test
    void failed_token_checks_from_one_ipv6_64_count_together() {
        start(Map.of("limits.freeTokenFailures", "2", "limits.tokenFailureWait", "1m",
                "limits.maxTokenFailureWait", "1m"));
        String good = hub.token("alice", "desktop", "registry");
        assertThat(services(GUESS, "2001:db8:1:2::1")).startsWith("HTTP/1.1 401");
        assertThat(services(GUESS, "2001:db8:1:2::2")).startsWith("HTTP/1.1 401");
        assertThat(services(GUESS, "2001:db8:1:2::3")).startsWith("HTTP/1.1 401");

        assertThat(services(good, "2001:db8:1:2::4")).as("another address of the same /64 waits")
                .startsWith("HTTP/1.1 429");
        assertThat(services(good, "2001:db8:1:3::1")).as("another /64 does not").startsWith("HTTP/1.1 200");
    }

    /** A POST /api/send that announces 1000 bytes of body and sends one: it holds its call open. */
    RawSocket slowSend(String token, String address) {
        RawSocket socket = RawSocket.open(hub.port());
        sockets.add(socket);
        socket.write("POST /api/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                + "X-Forwarded-For: " + address + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
        return socket;
    }

    /** GET /api/services with {@code token} through the proxy, naming {@code address}; the raw response. */
    String services(String token, String address) {
        try (RawSocket socket = RawSocket.open(hub.port())) {
            socket.write("GET /api/services HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                    + "X-Forwarded-For: " + address + "\r\nConnection: close\r\n\r\n");
            return socket.readResponse(Duration.ofSeconds(5));
        }
    }
}
